using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace EcomErp.Admin.Areas.Admin.Pages.Account;

/// <summary>
/// The sign-in form. Its posts are limited per client address (<see cref="SignInLimits"/>); every refusal reads the same.
/// </summary>
[EnableRateLimiting(SignInLimits.PolicyName)]
public sealed class LoginModel(PasswordSignIn passwordSignIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var signedIn = await passwordSignIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe, SignInLimits.ClientAddress(HttpContext));
        if (signedIn.IsSuccess)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        ModelState.AddModelError(string.Empty, signedIn.Error.Message);
        return Page();
    }

    // Only local addresses: a crafted returnUrl must not turn the sign-in page into an open redirect.
    private string SafeReturnUrl =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminServiceCollectionExtensions.PathBase;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, such as name@example.com.")]
        [StringLength(256, ErrorMessage = "An email address has at most 256 characters.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256, ErrorMessage = "A password has at most 256 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }

}
