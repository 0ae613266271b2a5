using Microsoft.Extensions.Options;

namespace EcomErp.Api.Hosting;

/// <summary>
/// Configuration the host cannot start with, reported the way an operator reads it: one line per problem on standard
/// error, each <c>error CONFIG_INVALID: …</c> naming the key, and exit code 78 (<c>EX_CONFIG</c>, which systemd shows
/// as "config"), instead of an unhandled exception's stack trace and an abort. Checked before the database is touched,
/// so a host refused for its configuration has migrated, seeded and written nothing.
/// </summary>
public static class ConfigurationFailure
{
    /// <summary>The code each problem line starts with.</summary>
    public const string ProblemCode = "CONFIG_INVALID";

    /// <summary><c>EX_CONFIG</c> of sysexits.h.</summary>
    public const int ExitCode = 78;

    /// <summary>
    /// The problems <paramref name="error"/> reports when it is a configuration error, else <see langword="null"/>:
    /// a failed options validation (the host's own checks, and every <c>ValidateOnStart</c>), several of them, or a
    /// value the configuration binder or a configuration file could not read. Anything else is not the operator's
    /// configuration, and keeps its stack trace.
    /// </summary>
    public static IReadOnlyList<string>? Problems(Exception error) => error switch
    {
        OptionsValidationException validation => validation.Failures.ToList(),
        AggregateException { InnerExceptions.Count: > 0 } several when several.InnerExceptions.All(inner => Problems(inner) is not null) =>
            several.InnerExceptions.SelectMany(inner => Problems(inner)!).ToList(),
        // "Failed to convert configuration value 'abc' at 'EcomErp:Outbox:RetryAttempts' to type 'System.Int32'.", or a
        // configuration file that is not valid JSON: thrown from inside the configuration packages themselves.
        InvalidOperationException or InvalidDataException or FormatException when ThrownByConfiguration(error) => [error.Message],
        _ => null,
    };

    /// <summary>Writes <paramref name="problems"/> for the operator and returns the exit code.</summary>
    public static int Report(IReadOnlyList<string> problems, TextWriter output)
    {
        foreach (var problem in problems)
        {
            output.WriteLine($"error {ProblemCode}: {problem}");
        }

        output.WriteLine("The host did not start; nothing was changed. Correct the configuration (appsettings.json, " +
            "environment variables with __ for :, or --key=value arguments) and start it again.");
        return ExitCode;
    }

    private static bool ThrownByConfiguration(Exception error) =>
        error.TargetSite?.DeclaringType?.Assembly.GetName().Name is { } assembly
        && assembly.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal);
}
