using System.Net;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.Security;

/// <summary>Finding 9: signing out ends the session on the server, not only in the browser that signed out.</summary>
public sealed class SignOutRevokesCookieTests
{
    private const string AuthenticationCookie = "EcomErp.Admin";

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedOnTheNextRequestAfterIt()
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = server };
        using var thief = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback, handleCookies: false);
        await AdminSignIn.SignInAsync(browser, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        var copied = $"{AuthenticationCookie}={cookies.GetCookies(server)[AuthenticationCookie]!.Value}";
        using var beforeSignOut = await GetAdminWithCookieAsync(thief, copied);

        var token = await AdminSignIn.GetAntiforgeryTokenAsync(browser, "/admin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var signedOut = await browser.PostAsync(new Uri("/admin/account/logout", UriKind.Relative), form);
        using var afterSignOut = await GetAdminWithCookieAsync(thief, copied);

        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains(AdminSignIn.LoginPath, afterSignOut.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> GetAdminWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
