using EcomErp.Domain.Common;

namespace EcomErp.Application.Users;

/// <summary>What a list of users is narrowed to: a role, locked or not, and a search in email and display name.</summary>
public sealed record UserAccountFilter(string? Role = null, bool? Locked = null, string? Search = null);

/// <summary>One page (1-based) of users ordered by display name, then email.</summary>
public sealed record UserAccountPage(IReadOnlyList<UserAccount> Items, int Page, int PageSize, int TotalCount)
{
    public const int MaxPageSize = 100;

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// The admin's user store (ASP.NET Core Identity behind it). The rules about who may change whom live in the commands; this
/// port only keeps what they decide. <see cref="ExclusivelyAsync{T}"/> runs a check and the change it allows so that no other
/// such change runs between them: two administrators demoting each other at once cannot leave nobody in charge.
/// </summary>
public interface IUserAccounts
{
    Task<UserAccount?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<UserAccountPage> ListAsync(UserAccountFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>How many users hold Admin and are not locked.</summary>
    Task<int> CountUnlockedAdminsAsync(CancellationToken cancellationToken);

    Task<bool> IsEmailTakenAsync(string email, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> alone among user changes; a failure it returns undoes whatever it changed.</summary>
    Task<Result<T>> ExclusivelyAsync<T>(Func<Task<Result<T>>> work, CancellationToken cancellationToken);

    /// <summary>Adds the user with a password they must change at their first sign-in. Password policy failures come back as errors.</summary>
    Task<Result> CreateAsync(UserAccount user, string initialPassword, CancellationToken cancellationToken);

    Task SetRolesAsync(Guid id, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    /// <summary>Locks (until unlocked) or unlocks the account; locking ends every session it has open.</summary>
    Task SetLockedAsync(Guid id, bool locked, CancellationToken cancellationToken);

    /// <summary>Replaces the password with one the user must change; every open session ends.</summary>
    Task<Result> ResetPasswordAsync(Guid id, string oneTimePassword, CancellationToken cancellationToken);

    /// <summary>The user's own change: checks the current password and the policy; other sessions end.</summary>
    Task<Result> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);
}
