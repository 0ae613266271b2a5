using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.ResetUserPassword;

/// <summary>
/// Gives a user a new generated password, shown once to the administrator, which the user must change at their next sign-in;
/// every session they have open ends. The audit records that it happened, never the password.
/// </summary>
public sealed record ResetUserPassword(Actor Actor, Guid UserId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => UserAccount.Subject(UserId);
}

public sealed record PasswordReset(UserAccount User, string OneTimePassword);

internal sealed class ResetUserPasswordHandler(IUserAccounts accounts, CommandAudit audit) : ICommandHandler<ResetUserPassword, PasswordReset>
{
    public async Task<Result<PasswordReset>> HandleAsync(ResetUserPassword command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsInRole(Roles.Admin))
            return UserErrors.AdminRequired("reset a user's password");

        return await accounts.ExclusivelyAsync<PasswordReset>(async () =>
        {
            if (await accounts.FindAsync(command.UserId, cancellationToken) is not { } before)
                return UserErrors.UserNotFound(command.UserId);
            var password = InitialPasswordGenerator.Generate();
            var reset = await accounts.ResetPasswordAsync(command.UserId, password, cancellationToken);
            if (reset.IsFailure)
                return Result<PasswordReset>.Failure(reset.Errors);
            audit.Unrecorded?.Describe(UserAccountRules.Changed(
                command.UserId, nameof(UserAccount.MustChangePassword), UserAccountRules.Text(before.MustChangePassword), UserAccountRules.Text(true)));
            return new PasswordReset(before with { MustChangePassword = true }, password);
        }, cancellationToken);
    }
}
