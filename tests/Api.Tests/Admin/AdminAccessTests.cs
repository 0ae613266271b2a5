using System.Net;
using System.Security.Claims;
using EcomErp.Application.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.Admin;

public class AdminAccessTests
{
    private const string PlannerEmail = "planner@ecomerp.local";
    private const string PlannerPassword = "Planner-Passw0rd!";

    [Fact]
    public async Task Admin_WhenAnonymous_RedirectsToTheLoginPageWithTheReturnUrl()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/admin/account/login", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("ReturnUrl=%2Fadmin", location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_WhenAnonymous_IsDenied()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_ForASignedInUserWithoutTheAdminRole_IsDenied()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        await factory.CreateUserAsync(PlannerEmail, PlannerPassword, Roles.Planner);
        await AdminSignIn.SignInAsync(client, PlannerEmail, PlannerPassword);

        using var dashboard = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative));
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Contains("/admin/account/accessdenied", dashboard.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_ForAnAdministrator_Opens()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        using var dashboard = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("EcomErp jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_ForAnAdministratorWhoMustStillChangeTheirPassword_SendsThemToThePasswordPage()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        const string email = "new-admin@ecomerp.local", password = "New-Admin-Passw0rd!";
        await factory.CreateUserAsync(email, password, Roles.Admin);
        await MarkMustChangePasswordAsync(factory, email);
        await AdminSignIn.SignInAsync(client, email, password);

        using var dashboard = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative));
        using var jobsApi = await client.GetAsync(new Uri("/admin/jobs/stats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/admin/account/password", dashboard.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, jobsApi.StatusCode);
        Assert.DoesNotContain("EcomErp jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task MarkMustChangePasswordAsync(EcomErpHostFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        var marked = await users.AddClaimAsync(user!, new Claim(UserClaimTypes.MustChangePassword, UserClaimTypes.Marked));
        Assert.True(marked.Succeeded);
    }
}
