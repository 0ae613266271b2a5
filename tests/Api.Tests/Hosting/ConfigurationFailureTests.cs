using EcomErp.Api.Hosting;
using EcomErp.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.Tests.Hosting;

/// <summary>
/// A host given configuration it cannot run with, started as an operator starts it (<c>dotnet EcomErp.Api.dll</c>, the
/// configuration in environment variables): it says what is wrong in a line per problem with the code and the key, exits
/// with 78 instead of aborting with a stack trace, and leaves nothing behind: no database, no generated password or key.
/// </summary>
public sealed class ConfigurationFailureTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("ecomerp-bad-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string, string> BadValues => new()
    {
        // Read while the services are registered.
        { "EcomErp__Roles", "api,reports", "EcomErp:Roles" },
        { "Database__Provider", "Oracle", "Database:Provider" },
        { "ConnectionStrings__Erp", "Data Sourc=erp.db", "ConnectionStrings:Erp" },
        { "Database__SqliteMaxGroupSize", "0", "Database:SqliteMaxGroupSize" },
        { "EcomErp__ReadModels__MemoryCacheMegabytes", "-1", "EcomErp:ReadModels:MemoryCacheMegabytes" },
        { "EcomErp__ForwardedHeaders__KnownProxies", "10.0.0.300", "EcomErp:ForwardedHeaders:KnownProxies" },
        // Options checked when the host starts (ValidateOnStart): before this, found after the database was migrated
        // and the demo data, the admin's password file and the demo API key had been written.
        { "EcomErp__Outbox__RetryAttempts", "50", "EcomErp:Outbox:RetryAttempts" },
        { "EcomErp__Outbox__RetryAttempts", "abc", "EcomErp:Outbox:RetryAttempts" },
        { "GraphQL__MaxDepth", "deep", "GraphQL:MaxDepth" },
        { "EcomErp__Admin__TimeZone", "Mars/Olympus", "EcomErp:Admin:TimeZone" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task AHostWithABadValue_SaysWhichKeyInOneLine_ExitsWith78_AndWritesNothing(string variable, string value, string key)
    {
        var (exitCode, output, error) = await RunHostAsync(new Dictionary<string, string> { [variable] = value });

        Assert.True(exitCode == ConfigurationFailure.ExitCode, $"exit code {exitCode}:{Environment.NewLine}{output}{error}");
        var problem = Assert.Single(ErrorLines(error));
        Assert.Contains(key, problem, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public async Task AHostWithTwoBadValues_NamesBoth()
    {
        var (exitCode, output, error) = await RunHostAsync(new Dictionary<string, string>
        {
            ["EcomErp__Outbox__DomainEventsBatchSize"] = "0",
            ["EcomErp__Import__MaxRows"] = "0",
        });

        Assert.True(exitCode == ConfigurationFailure.ExitCode, $"exit code {exitCode}:{Environment.NewLine}{output}{error}");
        var problems = ErrorLines(error);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, problem => problem.Contains("EcomErp:Outbox:", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("EcomErp:Import:", StringComparison.Ordinal));
        AssertNoStackTrace(output + error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public void AConversionFailure_IsAProblemOfTheConfiguration_AndAnyOtherFailureIsNot()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Limit", "many")]).Build();
        var conversion = Assert.Throws<InvalidOperationException>(() => configuration.GetValue<int>("Limit"));

        Assert.Equal([conversion.Message], ConfigurationFailure.Problems(conversion));
        Assert.Equal(["a", "b"], ConfigurationFailure.Problems(new AggregateException(
            new OptionsValidationException("A", typeof(object), ["a"]), new OptionsValidationException("B", typeof(object), ["b"]))));
        // Not the operator's to correct: these keep their stack trace.
        Assert.Null(ConfigurationFailure.Problems(new InvalidOperationException("Sequence contains no elements")));
        Assert.Null(ConfigurationFailure.Problems(new AggregateException(
            new OptionsValidationException("A", typeof(object), ["a"]), new IOException("disk full"))));
    }

    private Task<(int ExitCode, string StandardOutput, string StandardError)> RunHostAsync(Dictionary<string, string> environment)
    {
        environment.TryAdd("ConnectionStrings__Erp", $"Data Source={Path.Combine(_directory, "erp.db")}");
        environment["EcomErp__Admin__InitialPasswordDirectory"] = _directory;
        return HostProcess.RunToExitAsync(HostProcess.HostAssemblyBesideTests(), environment, AppContext.BaseDirectory, ExitTimeout);
    }

    private static List<string> ErrorLines(string error) =>
        error.Split('\n', StringSplitOptions.TrimEntries).Where(line => line.StartsWith($"error {ConfigurationFailure.ProblemCode}: ", StringComparison.Ordinal)).ToList();

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
