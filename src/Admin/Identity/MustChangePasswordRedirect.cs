using EcomErp.Application.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EcomErp.Admin.Identity;

/// <summary>
/// The must-change rule of <see cref="MustChangePasswordFilter"/> for admin endpoints that are no Razor Page (the jobs
/// dashboard): a page filter never runs there, so a person still on a password somebody else saw could open them.
/// </summary>
public static class MustChangePasswordRedirect
{
    /// <summary>Sends such a person from any path under <paramref name="path"/> to the password page; runs after authentication.</summary>
    public static IApplicationBuilder UseMustChangePasswordFor(this IApplicationBuilder app, PathString path) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(path), branch => branch.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == UserClaimTypes.MustChangePassword))
            {
                context.Response.Redirect(AdminServiceCollectionExtensions.ChangePasswordPath);
                return;
            }
            await next(context);
        }));
}
