using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.SetUserRoles;

/// <summary>Replaces a user's roles; the last unlocked administrator keeps Admin. Takes effect at the user's next request.</summary>
public sealed record SetUserRoles(Actor Actor, Guid UserId, IReadOnlyList<string> Roles) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => UserAccount.Subject(UserId);
}

internal sealed class SetUserRolesHandler(IUserAccounts accounts, CommandAudit audit) : ICommandHandler<SetUserRoles, UserAccount>
{
    public async Task<Result<UserAccount>> HandleAsync(SetUserRoles command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsInRole(Roles.Admin))
            return UserErrors.AdminRequired("change a user's roles");
        var roles = UserAccountRules.Roles(command.Roles);
        if (roles.IsFailure)
            return Result<UserAccount>.Failure(roles.Errors);

        return await accounts.ExclusivelyAsync<UserAccount>(async () =>
        {
            if (await accounts.FindAsync(command.UserId, cancellationToken) is not { } before)
                return UserErrors.UserNotFound(command.UserId);
            var after = before with { Roles = roles.Value };
            if (UserAccountRules.KeepsAnAdministrator(before, after.IsUnlockedAdmin, await accounts.CountUnlockedAdminsAsync(cancellationToken), "roles") is { } refused)
                return refused;
            if (before.Roles.SequenceEqual(after.Roles, StringComparer.Ordinal))
                return before;
            await accounts.SetRolesAsync(command.UserId, after.Roles, cancellationToken);
            audit.Unrecorded?.Describe(UserAccountRules.Changed(
                command.UserId, nameof(UserAccount.Roles), UserAccountRules.Text(before.Roles), UserAccountRules.Text(after.Roles)));
            return after;
        }, cancellationToken);
    }
}
