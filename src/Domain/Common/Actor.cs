namespace EcomErp.Domain.Common;

/// <summary>
/// Who did something: a person, an API client or the system itself, the roles they act in, and, for a
/// partner's API client, the channels they are limited to (null: every channel).
/// </summary>
public sealed record Actor(string Id, string Name, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string>? Channels = null)
{
    public const string SystemId = "system";

    /// <summary>The id of a signed-in person starts with this (the rest is their Identity user id).</summary>
    public const string PersonIdPrefix = "user:";

    /// <summary>The id of an API client starts with this (the rest is the client's id).</summary>
    public const string ApiClientIdPrefix = "api-client:";

    public static Actor System { get; } = new(SystemId, "EcomErp", [Common.Roles.System]);

    public bool IsSystem => Id == SystemId;

    /// <summary>The kind of actor, read from the id's form, which the two edges that make actors (admin sign-in, API key) give it.</summary>
    public ActorKind Kind =>
        IsSystem ? ActorKind.System : Id.StartsWith(ApiClientIdPrefix, StringComparison.Ordinal) ? ActorKind.ApiClient : ActorKind.Person;

    /// <summary>True when the actor may see and act on the channel's data.</summary>
    public bool MayAccessChannel(string channel) => Channels is null || Channels.Contains(channel, StringComparer.Ordinal);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>True when the actor may act as <paramref name="role"/>: holds it, is the system or an administrator.</summary>
    public bool MayActAs(string role) => IsInRole(role) || IsInRole(Common.Roles.Admin) || IsInRole(Common.Roles.System);
}
