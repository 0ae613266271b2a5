using EcomErp.Domain.Common;

namespace EcomErp.Application.Users;

/// <summary>Expected failures of managing the people who sign in to the admin, by code.</summary>
public static class UserErrors
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 100;

    [ErrorDescription("No user has this id.")]
    public const string NotFound = "USER_NOT_FOUND";
    [ErrorDescription("A user's email is missing, longer than 256 characters or not an email address.")]
    public const string EmailInvalid = "USER_EMAIL_INVALID";
    [ErrorDescription("Another user already signs in with this email.")]
    public const string EmailTaken = "USER_EMAIL_TAKEN";
    [ErrorDescription("A user's display name is missing or longer than 100 characters.")]
    public const string DisplayNameInvalid = "USER_DISPLAY_NAME_INVALID";
    [ErrorDescription("A user is given a role that does not exist (or System, which is EcomErp's own); the message lists the roles.")]
    public const string RoleUnknown = "USER_ROLE_UNKNOWN";
    [ErrorDescription("The change would leave no unlocked administrator: the last one keeps the Admin role and cannot be locked.")]
    public const string LastAdmin = "USER_LAST_ADMIN";
    [ErrorDescription("A person tries to lock their own account; another administrator does that.")]
    public const string CannotLockSelf = "USER_CANNOT_LOCK_SELF";
    [ErrorDescription("The user is locked already.")]
    public const string AlreadyLocked = "USER_ALREADY_LOCKED";
    [ErrorDescription("The user is not locked, so there is nothing to unlock.")]
    public const string NotLocked = "USER_NOT_LOCKED";
    [ErrorDescription("The current password given to change one's password is not the right one.")]
    public const string CurrentPasswordWrong = "USER_CURRENT_PASSWORD_WRONG";
    [ErrorDescription("A new password breaks the password policy (length, character classes) or repeats the current one; the message says which rule.")]
    public const string PasswordRejected = "USER_PASSWORD_REJECTED";
    [ErrorDescription("The new password and its confirmation differ.")]
    public const string PasswordConfirmationDiffers = "USER_PASSWORD_CONFIRMATION_DIFFERS";

    public static Error UserNotFound(Guid id) => new(NotFound, $"User {id} does not exist.", "userId");

    public static Error AdminRequired(string what) => new(CommonErrors.NotPermitted, $"Only an administrator may {what}.");
}
