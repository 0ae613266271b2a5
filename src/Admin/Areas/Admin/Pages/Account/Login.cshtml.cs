using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace EcomErp.Admin.Areas.Admin.Pages.Account;

public sealed partial class LoginModel(SignInManager<IdentityUser> signInManager, ILogger<LoginModel> logger) : PageModel
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

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, Input.Email);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, Input.Email);
            ModelState.AddModelError(string.Empty, "This account is locked after too many failed sign-ins. Try again later or ask an administrator.");
        }
        else
        {
            LogSignInFailed(logger, Input.Email);
            // One message for unknown email and wrong password: the form must not reveal which accounts exist.
            ModelState.AddModelError(string.Empty, "The email or password is not correct.");
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Email} signed in to the admin.")]
    private static partial void LogSignedIn(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for {Email}.")]
    private static partial void LogSignInFailed(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email}: the account is locked out.")]
    private static partial void LogLockedOut(ILogger logger, string email);
}
