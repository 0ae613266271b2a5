using Microsoft.Extensions.Options;

namespace EcomErp.Api.Hosting;

/// <summary>
/// What this process does, from configuration <c>EcomErp:Roles</c> (an array, or one comma-separated value).
/// Missing or empty means every role: the embedded default is one process doing everything.
/// </summary>
public sealed record HostRoles(bool Api, bool Admin, bool Worker)
{
    public const string ConfigurationKey = "EcomErp:Roles";

    public const string ApiRole = "api";
    public const string AdminRole = "admin";
    public const string WorkerRole = "worker";

    public static IReadOnlyList<string> Known { get; } = [ApiRole, AdminRole, WorkerRole];

    public static HostRoles All { get; } = new(Api: true, Admin: true, Worker: true);

    /// <summary>Reads the roles; an unknown role stops start-up with a message naming the key and the choices.</summary>
    public static HostRoles FromConfiguration(IConfiguration configuration)
    {
        var names = configuration.GetList(ConfigurationKey).Select(value => value.ToLowerInvariant()).ToList();
        if (names.Count == 0)
        {
            return All;
        }

        var unknown = names.Except(Known).ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(ConfigurationKey, typeof(HostRoles),
            [
                $"Configuration key '{ConfigurationKey}' names unknown role(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                $"allowed roles are {string.Join(", ", Known)} (an array or a comma-separated list; empty means all).",
            ]);
        }

        return new HostRoles(names.Contains(ApiRole), names.Contains(AdminRole), names.Contains(WorkerRole));
    }

    public override string ToString() =>
        string.Join(", ", new[] { (Api, ApiRole), (Admin, AdminRole), (Worker, WorkerRole) }.Where(r => r.Item1).Select(r => r.Item2));
}
