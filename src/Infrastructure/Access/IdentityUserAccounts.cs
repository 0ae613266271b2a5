using System.Security.Claims;
using EcomErp.Application.Users;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Access;

/// <summary>
/// The admin's users in ASP.NET Core Identity's tables on the ERP database. Identity's user manager saves each change itself
/// (not through the unit of work), so a command's several changes are held together by <see cref="ExclusivelyAsync{T}"/>'s
/// transaction. The display name and the must-change mark are user claims: Identity's user table stays as it is.
/// </summary>
internal sealed class IdentityUserAccounts(ErpDbContext db, UserManager<IdentityUser> users, TimeProvider clock) : IUserAccounts
{
    public async Task<UserAccount?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
            return null;
        var roles = await users.GetRolesAsync(user);
        var claims = await users.GetClaimsAsync(user);
        return AccountOf(user, roles, claims.Select(c => (c.Type, c.Value)));
    }

    public async Task<UserAccountPage> ListAsync(UserAccountFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        // The people who sign in to the admin number tens, not thousands, and their names are claims: three reads and a filter in
        // memory beat a query that joins claims for every criterion.
        var people = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = (await (from link in db.UserRoles.AsNoTracking()
                            join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                            select new { link.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var claims = (await db.UserClaims.AsNoTracking()
                .Where(c => c.ClaimType == UserClaimTypes.DisplayName || c.ClaimType == UserClaimTypes.MustChangePassword)
                .Select(c => new { c.UserId, c.ClaimType, c.ClaimValue }).ToListAsync(cancellationToken))
            .ToLookup(c => c.UserId, c => (c.ClaimType!, c.ClaimValue!));

        var matching = people.Select(user => AccountOf(user, [.. roles[user.Id]], claims[user.Id]))
            .Where(a => filter.Role is null || a.Roles.Contains(filter.Role, StringComparer.Ordinal))
            .Where(a => filter.Locked is not { } locked || a.IsLocked == locked)
            .Where(a => filter.Search is not { } search
                || a.Email.Contains(search, StringComparison.OrdinalIgnoreCase) || a.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new UserAccountPage([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, matching.Count);
    }

    public async Task<int> CountUnlockedAdminsAsync(CancellationToken cancellationToken) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count(user => !IsLocked(user));

    public async Task<bool> IsEmailTakenAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null;

    public async Task<Result<T>> ExclusivelyAsync<T>(Func<Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        var admin = users.NormalizeName(Roles.Admin);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first statement writes one row every user change writes: the transaction holds that row's lock (SQL Server) or the
        // database's write lock (SQLite) until it ends, so a second change waits here and then reads what the first one did.
        await db.Roles.Where(r => r.NormalizedName == admin)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        try
        {
            var result = await work();
            if (result.IsSuccess)
                await transaction.CommitAsync(cancellationToken);
            else
                await Undo(transaction);
            return result;
        }
        catch
        {
            await Undo(transaction);
            throw;
        }
    }

    private async Task Undo(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    public async Task<Result> CreateAsync(UserAccount user, string initialPassword, CancellationToken cancellationToken)
    {
        var identity = new IdentityUser(user.Email) { Id = user.Id.ToString(), Email = user.Email, EmailConfirmed = true };
        var created = await users.CreateAsync(identity, initialPassword);
        if (!created.Succeeded)
            return Refusal(created);
        if (user.Roles.Count > 0)
            Ensure(await users.AddToRolesAsync(identity, user.Roles), "grant the roles");
        Claim[] claims = user.MustChangePassword
            ? [new(UserClaimTypes.DisplayName, user.DisplayName), new(UserClaimTypes.MustChangePassword, UserClaimTypes.Marked)]
            : [new(UserClaimTypes.DisplayName, user.DisplayName)];
        Ensure(await users.AddClaimsAsync(identity, claims), "record the display name");
        return Result.Success();
    }

    public async Task SetRolesAsync(Guid id, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var user = await RequiredAsync(id);
        var current = await users.GetRolesAsync(user);
        if (current.Except(roles, StringComparer.Ordinal).ToList() is { Count: > 0 } removed)
            Ensure(await users.RemoveFromRolesAsync(user, removed), "remove roles");
        if (roles.Except(current, StringComparer.Ordinal).ToList() is { Count: > 0 } added)
            Ensure(await users.AddToRolesAsync(user, added), "grant roles");
    }

    public async Task SetLockedAsync(Guid id, bool locked, CancellationToken cancellationToken)
    {
        var user = await RequiredAsync(id);
        Ensure(await users.SetLockoutEnabledAsync(user, true), "enable lockout");
        Ensure(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null), locked ? "lock" : "unlock");
        // The cookie is checked against the stamp on every request: a new stamp ends the user's sessions at once.
        if (locked)
            Ensure(await users.UpdateSecurityStampAsync(user), "end the sessions");
    }

    public async Task<Result> ResetPasswordAsync(Guid id, string oneTimePassword, CancellationToken cancellationToken)
    {
        var user = await RequiredAsync(id);
        Ensure(await users.RemovePasswordAsync(user), "remove the password");
        var added = await users.AddPasswordAsync(user, oneTimePassword);
        if (!added.Succeeded)
            return Refusal(added);
        await MarkMustChangeAsync(user, mustChange: true);
        Ensure(await users.UpdateSecurityStampAsync(user), "end the sessions");
        return Result.Success();
    }

    public async Task<Result> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequiredAsync(id);
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
            return Refusal(changed);
        await MarkMustChangeAsync(user, mustChange: false);
        return Result.Success();
    }

    private async Task MarkMustChangeAsync(IdentityUser user, bool mustChange)
    {
        var marks = (await users.GetClaimsAsync(user)).Where(c => c.Type == UserClaimTypes.MustChangePassword).ToList();
        if (!mustChange && marks.Count > 0)
            Ensure(await users.RemoveClaimsAsync(user, marks), "clear the must-change mark");
        else if (mustChange && marks.Count == 0)
            Ensure(await users.AddClaimAsync(user, new Claim(UserClaimTypes.MustChangePassword, UserClaimTypes.Marked)), "set the must-change mark");
    }

    private async Task<IdentityUser> RequiredAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException($"User {id} was checked and is gone.");

    private UserAccount AccountOf(IdentityUser user, IEnumerable<string> roles, IEnumerable<(string Type, string Value)> claims)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        var list = claims.ToList();
        var email = user.Email ?? user.UserName ?? user.Id;
        return new UserAccount(
            Guid.Parse(user.Id),
            email,
            list.FirstOrDefault(c => c.Type == UserClaimTypes.DisplayName).Value ?? email,
            [.. Roles.Assignable.Where(held.Contains)],
            IsLocked(user),
            list.Any(c => c.Type == UserClaimTypes.MustChangePassword));
    }

    private bool IsLocked(IdentityUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    /// <summary>Identity's refusals of what a person typed, as the commands' errors; anything else is a broken invariant.</summary>
    private static Result Refusal(IdentityResult result) => Result.Failure([.. result.Errors.Select(error => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => new Error(UserErrors.CurrentPasswordWrong, "The current password is not correct.", "currentPassword"),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            new Error(UserErrors.EmailTaken, "Another user already signs in with this email.", "email"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            new Error(UserErrors.EmailInvalid, "This email cannot be used to sign in: use letters, digits and - . _ @ + only.", "email"),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new Error(UserErrors.PasswordRejected, error.Description, "newPassword"),
        _ => throw new InvalidOperationException($"Identity refused a user change: {error.Code} {error.Description}"),
    })]);

    private static void Ensure(IdentityResult result, string action)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {action}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
