using System.Buffers.Binary;
using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Account;

public class LoginTests
{
    [Fact]
    public async Task Login_WithValidCredentials_RedirectsToTheLandingPageThatNamesTheUser()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var response = await AdminSignIn.PostLoginAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains(EcomErpHostFactory.AdminEmail, html, StringComparison.Ordinal);
        Assert.Contains("Admin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHost_HashesPasswordsAtIdentitysProductionWorkFactor_AndSignsInWithThem()
    {
        // The other tests' hosts hash cheaply (EcomErpHostFactory); this one keeps the production setting.
        using var factory = new EcomErpHostFactory { ProductionPasswordHashing = true };
        await factory.CreateUserAsync("pat@ecomerp.local", "Production-Passw0rd!", Roles.Planner);
        string hash;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("pat@ecomerp.local");
            hash = user!.PasswordHash!;
        }

        // Identity's version 3 format: a format marker, the PRF, then the iteration count, big-endian.
        var stored = Convert.FromBase64String(hash);
        Assert.Equal(0x01, stored[0]);
        Assert.Equal(new PasswordHasherOptions().IterationCount, BinaryPrimitives.ReadInt32BigEndian(stored.AsSpan(5, 4)));
        using var client = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, "pat@ecomerp.local", "Production-Passw0rd!");
    }

    [Theory]
    [InlineData(EcomErpHostFactory.AdminEmail, "Not-The-Passw0rd!")]
    [InlineData("nobody@ecomerp.local", EcomErpHostFactory.AdminPassword)]
    public async Task Login_WithAWrongPasswordOrUnknownEmail_GivesOneAnswer_KeepsTheEmail_AndSignsNobodyIn(string email, string password)
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var response = await AdminSignIn.PostLoginAsync(client, email, password);
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or password is not correct.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
    }

    [Fact]
    public async Task Login_WithMissingAndMalformedFields_ShowsEachMessageNextToItsField()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var response = await AdminSignIn.PostLoginAsync(client, "not-an-email", string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.Email\"[^>]*>Enter a valid email address", html);
        Assert.Matches("data-valmsg-for=\"Input.Password\"[^>]*>Enter your password.", html);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_PostedWithoutAnAntiforgeryToken_IsRejectedWith400()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = EcomErpHostFactory.AdminEmail,
            ["Input.Password"] = EcomErpHostFactory.AdminPassword,
        });

        using var response = await client.PostAsync(new Uri(AdminSignIn.LoginPath, UriKind.Relative), form);
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_RefusesEvenTheRightPasswordFromThatAddress_WithTheSameMessage()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await AdminSignIn.PostLoginAsync(client, EcomErpHostFactory.AdminEmail, $"Wrong-Passw0rd-{attempt}!");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await AdminSignIn.PostLoginAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not correct.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithAReturnUrlToAnotherSite_LandsOnTheAdminInstead()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = EcomErpHostFactory.AdminEmail,
            ["Input.Password"] = EcomErpHostFactory.AdminPassword,
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync(new Uri(AdminSignIn.LoginPath + "?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_ByPost_SignsOutAndShowsTheMessageOnTheLoginPage()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client, "/admin");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/admin/account/logout", UriKind.Relative), form);
        using var login = await client.GetAsync(response.Headers.Location);
        using var landing = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You have been signed out.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
    }
}
