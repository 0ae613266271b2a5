using System.Net.Mail;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users;

/// <summary>The rules the user commands share: what an email, a display name and a set of roles may be, and who stays in charge.</summary>
internal static class UserAccountRules
{
    public static Result<string> Email(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        // An address alone: MailAddress also reads "Name <a@b>" forms and comments, which are no sign-in name.
        return trimmed.Length is > 0 and <= UserErrors.EmailMaxLength
            && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && !trimmed.Any(char.IsWhiteSpace)
            && TextRules.Check(trimmed, "email") is null
                ? trimmed
                : new Error(UserErrors.EmailInvalid, $"Enter an email address such as name@example.com (at most {UserErrors.EmailMaxLength} characters).", "email");
    }

    public static Result<string> DisplayName(string? displayName)
    {
        var trimmed = displayName?.Trim() ?? "";
        if (trimmed.Length is 0 or > UserErrors.DisplayNameMaxLength)
            return new Error(UserErrors.DisplayNameInvalid, $"Enter the name people read for this user (at most {UserErrors.DisplayNameMaxLength} characters).", "displayName");
        return TextRules.Check(trimmed, "displayName") is { } unreadable ? unreadable : trimmed;
    }

    /// <summary>The roles, each one a person may hold, without repeats and in the catalog's order (how lists and the audit show them).</summary>
    public static Result<IReadOnlyList<string>> Roles(IReadOnlyList<string> roles)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (!Domain.Common.Roles.Assignable.Contains(roles[i], StringComparer.Ordinal))
                return new Error(UserErrors.RoleUnknown,
                    $"There is no role \"{roles[i]}\" a person may hold; the roles are {string.Join(", ", Domain.Common.Roles.Assignable)}.", $"roles[{i}]");
        }
        return Result<IReadOnlyList<string>>.Success([.. Domain.Common.Roles.Assignable.Where(role => roles.Contains(role, StringComparer.Ordinal))]);
    }

    /// <summary>
    /// Refuses a change that would take <paramref name="before"/> out of the unlocked administrators when they are the last one
    /// (themselves included): somebody must always be able to add users, unlock them and reset their passwords.
    /// </summary>
    public static Error? KeepsAnAdministrator(UserAccount before, bool staysUnlockedAdmin, int unlockedAdmins, string field) =>
        before.IsUnlockedAdmin && !staysUnlockedAdmin && unlockedAdmins <= 1
            ? new Error(UserErrors.LastAdmin,
                $"{before.DisplayName} is the last unlocked administrator: make another user an administrator first.", field)
            : null;

    /// <summary>A change of one value of a user as the audit log keeps it (never a password).</summary>
    public static AuditedChange Changed(Guid id, string property, string? before, string? after) =>
        new(UserAccount.AuditKind, id.ToString(), AuditedChangeKind.Modified, [new AuditedValue(property, before, after)]);

    public static string Text(IReadOnlyList<string> roles) => string.Join(", ", roles);

    public static string Text(bool flag) => flag ? "true" : "false";
}
