using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users;

/// <summary>
/// A person who signs in to the admin, as the admin shows them: no password, hash or security stamp ever leaves the store.
/// <see cref="IsLocked"/> is an administrator's lock (failed sign-ins never lock anyone, see SignInFailures).
/// </summary>
public sealed record UserAccount(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsLocked, bool MustChangePassword)
{
    /// <summary>How the audit log and the RecentChanges view name a user as a subject.</summary>
    public const string AuditKind = "User";

    public static AuditSubject Subject(Guid id) => new(AuditKind, id.ToString());

    /// <summary>The user id in an actor id (<c>user:&lt;guid&gt;</c>), or null for API clients and the system.</summary>
    public static Guid? IdOf(Actor actor) =>
        actor.Id.StartsWith(Actor.PersonIdPrefix, StringComparison.Ordinal) && Guid.TryParse(actor.Id.AsSpan(Actor.PersonIdPrefix.Length), out var id)
            ? id
            : null;

    public bool IsUnlockedAdmin => !IsLocked && Roles.Contains(Domain.Common.Roles.Admin, StringComparer.Ordinal);
}

/// <summary>The claims a user's record carries besides Identity's columns (claims, so the user table needs no migration).</summary>
public static class UserClaimTypes
{
    /// <summary>The name people read for the user (lists, the audit log's actor names, a case's assignee).</summary>
    public const string DisplayName = "ecomerp:display_name";

    /// <summary>Present while the user signs in with a password somebody else saw (generated for them): they must choose their own first.</summary>
    public const string MustChangePassword = "ecomerp:must_change_password";

    /// <summary>The value of a mark such as <see cref="MustChangePassword"/>: its presence is what counts.</summary>
    public const string Marked = "true";
}
