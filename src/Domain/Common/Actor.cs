namespace EcomErp.Domain.Common;

/// <summary>
/// Who did something: a person, an API client or the system itself, the roles they act in, for a partner's API client the
/// channels they are limited to (null: every channel), and the roles among <see cref="Roles"/> that were granted explicitly
/// (null: all of them, as for a person). An API client also acts in the roles its write scopes imply, so that a key that may
/// write orders or stock takes their workflow steps; approvals and decisions are the granted roles' alone (decision 026).
/// </summary>
public sealed record Actor(string Id, string Name, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string>? Channels = null,
    IReadOnlyCollection<string>? GrantedRoles = null)
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

    /// <summary>
    /// True when the actor may decide as <paramref name="role"/>: approve, reject, release what needs four eyes, or work an
    /// exception case of the role's queue. Only a role granted explicitly decides; one a key's scope implies does not, or a
    /// broad integration scope would carry approval rights.
    /// </summary>
    public bool MayDecideAs(string role) =>
        DecidingRoles.Contains(role, StringComparer.Ordinal) || IsInRole(Common.Roles.Admin) || IsInRole(Common.Roles.System);

    /// <summary>The roles the actor decides in: those granted (every role of a person).</summary>
    public IReadOnlyCollection<string> DecidingRoles => GrantedRoles ?? Roles;

    /// <summary>What a refusal for want of <paramref name="role"/> says the actor lacks: the role, or its grant when a scope only implies it.</summary>
    public string Lacks(string role) => IsInRole(role)
        ? $"the {role} role granted to it (a role its scopes imply decides nothing)"
        : $"the {role} role";
}
