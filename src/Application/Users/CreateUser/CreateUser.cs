using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.CreateUser;

/// <summary>
/// Adds a person who signs in to the admin, with a generated password they must change at their first sign-in. The id is
/// chosen with the command, so the audit names the user it is about before the store has them.
/// </summary>
public sealed record CreateUser(Actor Actor, string Email, string DisplayName, IReadOnlyList<string> Roles) : IAuditedCommand
{
    public Guid UserId { get; init; } = Guid.NewGuid();

    AuditSubject IAuditedCommand.Subject => UserAccount.Subject(UserId);
}

/// <summary>The new user and the password to hand them: shown once to the administrator, stored only as Identity's hash.</summary>
public sealed record CreatedUser(UserAccount User, string OneTimePassword);

internal sealed class CreateUserHandler(IUserAccounts accounts, CommandAudit audit) : ICommandHandler<CreateUser, CreatedUser>
{
    public async Task<Result<CreatedUser>> HandleAsync(CreateUser command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsInRole(Roles.Admin))
            return UserErrors.AdminRequired("add users");
        var email = UserAccountRules.Email(command.Email);
        var displayName = UserAccountRules.DisplayName(command.DisplayName);
        var roles = UserAccountRules.Roles(command.Roles);
        if (email.IsFailure || displayName.IsFailure || roles.IsFailure)
            return Result<CreatedUser>.Failure([.. email.Errors, .. displayName.Errors, .. roles.Errors]);

        return await accounts.ExclusivelyAsync<CreatedUser>(async () =>
        {
            if (await accounts.IsEmailTakenAsync(email.Value, cancellationToken))
                return new Error(UserErrors.EmailTaken, $"{email.Value} already signs in here.", "email");
            var user = new UserAccount(command.UserId, email.Value, displayName.Value, roles.Value, IsLocked: false, MustChangePassword: true);
            var password = InitialPasswordGenerator.Generate();
            var created = await accounts.CreateAsync(user, password, cancellationToken);
            if (created.IsFailure)
                return Result<CreatedUser>.Failure(created.Errors);
            audit.Unrecorded?.Describe(new AuditedChange(UserAccount.AuditKind, user.Id.ToString(), AuditedChangeKind.Added,
            [
                new AuditedValue(nameof(UserAccount.Email), null, user.Email),
                new AuditedValue(nameof(UserAccount.DisplayName), null, user.DisplayName),
                new AuditedValue(nameof(UserAccount.Roles), null, UserAccountRules.Text(user.Roles)),
                new AuditedValue(nameof(UserAccount.MustChangePassword), null, UserAccountRules.Text(true)),
            ]));
            return new CreatedUser(user, password);
        }, cancellationToken);
    }
}
