using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.LockUser;

/// <summary>
/// Locks a user out until an administrator unlocks them; their open sessions end at their next request. Nobody locks
/// themselves, and the last unlocked administrator stays unlocked.
/// </summary>
public sealed record LockUser(Actor Actor, Guid UserId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => UserAccount.Subject(UserId);
}

internal sealed class LockUserHandler(IUserAccounts accounts, CommandAudit audit) : ICommandHandler<LockUser, UserAccount>
{
    public async Task<Result<UserAccount>> HandleAsync(LockUser command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsInRole(Roles.Admin))
            return UserErrors.AdminRequired("lock a user");
        if (UserAccount.IdOf(command.Actor) == command.UserId)
            return new Error(UserErrors.CannotLockSelf, "You cannot lock yourself out; another administrator can.", "userId");

        return await accounts.ExclusivelyAsync<UserAccount>(async () =>
        {
            if (await accounts.FindAsync(command.UserId, cancellationToken) is not { } before)
                return UserErrors.UserNotFound(command.UserId);
            if (before.IsLocked)
                return new Error(UserErrors.AlreadyLocked, $"{before.DisplayName} is locked already.", "userId");
            if (UserAccountRules.KeepsAnAdministrator(before, staysUnlockedAdmin: false, await accounts.CountUnlockedAdminsAsync(cancellationToken), "userId") is { } refused)
                return refused;
            await accounts.SetLockedAsync(command.UserId, locked: true, cancellationToken);
            audit.Unrecorded?.Describe(UserAccountRules.Changed(command.UserId, nameof(UserAccount.IsLocked), UserAccountRules.Text(false), UserAccountRules.Text(true)));
            return before with { IsLocked = true };
        }, cancellationToken);
    }
}
