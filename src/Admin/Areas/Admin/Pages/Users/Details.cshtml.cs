using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Users;
using EcomErp.Application.Users.GetUser;
using EcomErp.Application.Users.LockUser;
using EcomErp.Application.Users.ResetUserPassword;
using EcomErp.Application.Users.SetUserRoles;
using EcomErp.Application.Users.UnlockUser;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Users;

/// <summary>
/// One user: their roles (a form of checkboxes), lock and unlock, a password reset, and their recent changes. Locking and
/// resetting end the user's sessions, so each asks first (<c>?confirm=lock</c>, <c>?confirm=reset</c>: a step, not a script).
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DetailsModel(
    IQueryHandler<GetUser, UserAccount> get,
    ICommandHandler<SetUserRoles, UserAccount> setRoles,
    ICommandHandler<LockUser, UserAccount> lockUser,
    ICommandHandler<UnlockUser, UserAccount> unlockUser,
    ICommandHandler<ResetUserPassword, PasswordReset> resetPassword) : PageModel
{
    public const string ConfirmLock = "lock";
    public const string ConfirmReset = "reset";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The step that asks before locking or resetting.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The generated password, on one page view only (TempData is encrypted and removed when read).</summary>
    [TempData]
    public string? OneTimePassword { get; set; }

    [BindProperty]
    public RolesInput Input { get; set; } = new();

    public UserAccount Account { get; private set; } = null!;

    public bool IsSelf => UserAccount.IdOf(User.ToActor()) == Id;

    public sealed class RolesInput
    {
        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input.Roles = [.. Account.Roles];
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken)
    {
        var result = await setRoles.HandleAsync(new SetUserRoles(User.ToActor(), Id, Input.Roles), cancellationToken);
        return await AfterAsync(result, $"The roles are saved: {(Input.Roles.Count == 0 ? "none" : string.Join(", ", result.IsSuccess ? result.Value.Roles : []))}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await lockUser.HandleAsync(new LockUser(User.ToActor(), Id), cancellationToken),
            "The user is locked; their open sessions have ended.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await unlockUser.HandleAsync(new UnlockUser(User.ToActor(), Id), cancellationToken),
            "The user is unlocked and can sign in again.", cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        var result = await resetPassword.HandleAsync(new ResetUserPassword(User.ToActor(), Id), cancellationToken);
        if (result.IsSuccess)
            OneTimePassword = result.Value.OneTimePassword;
        return await AfterAsync(result, "The password is reset; the user's sessions have ended. Hand them the password below: it is shown only now.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync<T>(Result<T> result, string done, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            StatusMessage = done;
            return RedirectToPage(new { id = Id, confirm = (string?)null });
        }
        if (result.Errors.Any(e => e.Code == UserErrors.NotFound))
            return NotFound();
        ModelState.KeepOnly(nameof(Input));
        ModelState.AddErrors(result.Errors, FieldOf);
        Confirm = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static string FieldOf(string? field) =>
        field is not null && field.StartsWith("roles", StringComparison.Ordinal) ? $"{nameof(Input)}.{nameof(RolesInput.Roles)}" : string.Empty;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(new GetUser(Id), cancellationToken);
        if (found.IsFailure)
            return false;
        Account = found.Value;
        return true;
    }
}
