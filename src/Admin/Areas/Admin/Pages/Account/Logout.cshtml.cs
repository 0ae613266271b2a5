using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace EcomErp.Admin.Areas.Admin.Pages.Account;

/// <summary>
/// Signing out is a POST (with antiforgery) so a link on another site cannot sign anyone out. It renews the user's
/// security stamp, so a copy of the cookie taken before (another browser, a stolen one) stops working on its next request.
/// </summary>
public sealed partial class LogoutModel(SignInManager<IdentityUser> signInManager, ILogger<LogoutModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.Identity?.Name ?? "unknown user";
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        LogSignedOut(logger, name);
        StatusMessage = "You have been signed out.";
        return RedirectToPage("/Account/Login");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} signed out of the admin.")]
    private static partial void LogSignedOut(ILogger logger, string user);
}
