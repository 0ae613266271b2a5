using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EcomErp.Admin.Shell;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Account;

/// <summary>
/// The signed-in person's own settings: the time zone every date of the admin is shown in. It is a claim of their account
/// (decision 031), a display preference of one person rather than business state, so it is kept by Identity and not audited.
/// </summary>
public sealed class ProfileModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, PersonTimeZone timeZones, TimeProvider clock)
    : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public static IReadOnlyList<string> Zones => PersonTimeZone.Choices;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a time zone.")]
        [Display(Name = "Time zone")]
        public string? TimeZone { get; set; }
    }

    public void OnGet() => Input.TimeZone = timeZones.IdFor(User);

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && PersonTimeZone.Find(Input.TimeZone) is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.TimeZone)}", $"“{Input.TimeZone}” is not a time zone of the list; choose one from it, such as Europe/Berlin.");
        if (!ModelState.IsValid)
            return Page();

        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var replaced = await users.RemoveClaimsAsync(user, (await users.GetClaimsAsync(user)).Where(c => c.Type == PersonTimeZone.ClaimType));
        var saved = replaced.Succeeded ? await users.AddClaimAsync(user, new Claim(PersonTimeZone.ClaimType, Input.TimeZone!)) : replaced;
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }

        // The cookie carries the claim: renew it so the next page already shows the new zone.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = $"Dates are now shown in {Input.TimeZone}.";
        return RedirectToPage();
    }
}
