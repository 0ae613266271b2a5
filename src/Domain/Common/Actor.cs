namespace EcomErp.Domain.Common;

/// <summary>
/// Who did something: a person, an API client or the system itself, the roles they act in, and, for a
/// partner's API client, the channels they are limited to (null: every channel).
/// </summary>
public sealed record Actor(string Id, string Name, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string>? Channels = null)
{
    public const string SystemId = "system";

    public static Actor System { get; } = new(SystemId, "EcomErp", [Common.Roles.System]);

    public bool IsSystem => Id == SystemId;

    /// <summary>True when the actor may see and act on the channel's data.</summary>
    public bool MayAccessChannel(string channel) => Channels is null || Channels.Contains(channel, StringComparer.Ordinal);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>True when the actor may act as <paramref name="role"/>: holds it, is the system or an administrator.</summary>
    public bool MayActAs(string role) => IsInRole(role) || IsInRole(Common.Roles.Admin) || IsInRole(Common.Roles.System);
}
