using EcomErp.Application.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EcomErp.Admin.Identity;

/// <summary>
/// Sends a person who signed in with a password somebody else saw (generated for them, shown to an administrator or written
/// to a file) to the password page until they choose their own. The mark is a claim of the sign-in, renewed on every request
/// with the security stamp check, so it goes as soon as the password is changed.
/// </summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    /// <summary>
    /// Pages a person who must change their password may still open; among them the status page, which renders the status
    /// of a refused request (a 400 for a missing antiforgery token, a 404) and must not turn it into a redirect.
    /// </summary>
    private static readonly string[] Open = ["/Account/Password", "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == UserClaimTypes.MustChangePassword)
            && !Open.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult("/Account/Password", new { area = "Admin" });
            return;
        }
        await next();
    }
}
