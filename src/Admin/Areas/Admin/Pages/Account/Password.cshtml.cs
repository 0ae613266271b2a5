using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Users;
using EcomErp.Application.Users.ChangePassword;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EcomErp.Admin.Areas.Admin.Pages.Account;

/// <summary>
/// Changes the signed-in person's own password. The change renews the security stamp, which ends every other session of theirs;
/// this one is signed in again with the new stamp. A person handed a generated password is sent here until they change it.
/// </summary>
public sealed class PasswordModel(
    ICommandHandler<ChangePassword, UserAccount> change, SignInManager<IdentityUser> signIn, IOptions<IdentityOptions> identity) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MustChange => User.HasClaim(c => c.Type == UserClaimTypes.MustChangePassword);

    /// <summary>The password policy as people read it, from Identity's options (the rules the command's check applies).</summary>
    public string Rules
    {
        get
        {
            var policy = identity.Value.Password;
            var classes = new[]
            {
                policy.RequireUppercase ? "an upper-case letter" : null,
                policy.RequireLowercase ? "a lower-case letter" : null,
                policy.RequireDigit ? "a digit" : null,
                policy.RequireNonAlphanumeric ? "a symbol" : null,
            }.OfType<string>();
            return $"At least {policy.RequiredLength} characters ({policy.RequiredUniqueChars} different), with {string.Join(", ", classes)}.";
        }
    }

    public sealed class InputModel
    {
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string? CurrentPassword { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string? NewPassword { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "Confirm the new password")]
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await change.HandleAsync(
            new ChangePassword(User.ToActor(), Input.CurrentPassword ?? "", Input.NewPassword ?? "", Input.ConfirmPassword ?? ""), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result.Errors, FieldOf);
            return Page();
        }

        // The change renewed the stamp: without a new cookie this sign-in would end at the next request like the others.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your password is changed. Other sessions of yours have ended.";
        return RedirectToPage();
    }

    private static string FieldOf(string? field) => field switch
    {
        "currentPassword" => $"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}",
        "newPassword" => $"{nameof(Input)}.{nameof(InputModel.NewPassword)}",
        "confirmPassword" => $"{nameof(Input)}.{nameof(InputModel.ConfirmPassword)}",
        _ => string.Empty,
    };
}
