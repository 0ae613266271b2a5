using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.ChangePassword;

/// <summary>
/// A person changes their own password (the one they were handed, or any other time): the current one proves it is them, the
/// new one must meet the policy. Their other sessions end; the admin page renews the one they are using.
/// </summary>
public sealed record ChangePassword(Actor Actor, string CurrentPassword, string NewPassword, string ConfirmPassword) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => UserAccount.IdOf(Actor) is { } id ? UserAccount.Subject(id) : new AuditSubject(UserAccount.AuditKind, null);
}

internal sealed class ChangePasswordHandler(IUserAccounts accounts, CommandAudit audit) : ICommandHandler<ChangePassword, UserAccount>
{
    public async Task<Result<UserAccount>> HandleAsync(ChangePassword command, CancellationToken cancellationToken)
    {
        if (UserAccount.IdOf(command.Actor) is not { } id || await accounts.FindAsync(id, cancellationToken) is not { } before)
            return new Error(CommonErrors.NotPermitted, "Only a person signed in to the admin changes their own password.");
        if (!string.Equals(command.NewPassword, command.ConfirmPassword, StringComparison.Ordinal))
            return new Error(UserErrors.PasswordConfirmationDiffers, "The confirmation differs from the new password.", "confirmPassword");
        if (string.Equals(command.NewPassword, command.CurrentPassword, StringComparison.Ordinal))
            return new Error(UserErrors.PasswordRejected, "Choose a new password that differs from the current one.", "newPassword");

        var changed = await accounts.ChangePasswordAsync(id, command.CurrentPassword ?? "", command.NewPassword ?? "", cancellationToken);
        if (changed.IsFailure)
            return Result<UserAccount>.Failure(changed.Errors);
        if (before.MustChangePassword)
            audit.Unrecorded?.Describe(UserAccountRules.Changed(id, nameof(UserAccount.MustChangePassword), UserAccountRules.Text(true), UserAccountRules.Text(false)));
        return before with { MustChangePassword = false };
    }
}
