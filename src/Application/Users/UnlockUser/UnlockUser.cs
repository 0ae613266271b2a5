using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.UnlockUser;

/// <summary>Lets a locked user sign in again, with the password they had.</summary>
public sealed record UnlockUser(Actor Actor, Guid UserId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => UserAccount.Subject(UserId);
}

internal sealed class UnlockUserHandler(IUserAccounts accounts, CommandAudit audit) : ICommandHandler<UnlockUser, UserAccount>
{
    public async Task<Result<UserAccount>> HandleAsync(UnlockUser command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsInRole(Roles.Admin))
            return UserErrors.AdminRequired("unlock a user");

        return await accounts.ExclusivelyAsync<UserAccount>(async () =>
        {
            if (await accounts.FindAsync(command.UserId, cancellationToken) is not { } before)
                return UserErrors.UserNotFound(command.UserId);
            if (!before.IsLocked)
                return new Error(UserErrors.NotLocked, $"{before.DisplayName} is not locked.", "userId");
            await accounts.SetLockedAsync(command.UserId, locked: false, cancellationToken);
            audit.Unrecorded?.Describe(UserAccountRules.Changed(command.UserId, nameof(UserAccount.IsLocked), UserAccountRules.Text(true), UserAccountRules.Text(false)));
            return before with { IsLocked = false };
        }, cancellationToken);
    }
}
