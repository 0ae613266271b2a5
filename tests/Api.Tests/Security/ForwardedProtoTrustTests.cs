using System.Net;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Finding 9: only a configured proxy may say the client used https. From anyone else X-Forwarded-Proto is ignored,
/// so a client cannot make the host believe a plain request was secure (and, the other way, a proxy that terminates
/// TLS gets HSTS and Secure cookies).
/// </summary>
public sealed class ForwardedProtoTrustTests
{
    private const string PublicHost = "admin.ecomerp.example";
    private const string AuthenticationCookie = "EcomErp.Admin";

    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.3");

    public static TheoryData<string?, string> UntrustedSenders => new()
    {
        // ASP.NET Core trusts loopback by default; the host must not: with no proxy configured nobody is trusted.
        { null, "127.0.0.1" },
        { "127.0.0.2", "127.0.0.3" },
    };

    [Theory]
    [MemberData(nameof(UntrustedSenders))]
    public async Task ForwardedProto_FromAnAddressThatIsNotAConfiguredProxy_LeavesTheRequestPlainHttp(string? knownProxy, string sender)
    {
        using var factory = new EcomErpHostFactory(knownProxy is null ? null : new Dictionary<string, string>
        {
            ["EcomErp:ForwardedHeaders:KnownProxies:0"] = knownProxy,
        });
        var server = factory.StartKestrel();
        using var client = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Parse(sender), handleCookies: false);

        var (page, signedIn) = await SignInClaimingHttpsAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(SetCookies(signedIn), cookie => cookie.StartsWith(AuthenticationCookie + "=", StringComparison.Ordinal));
        foreach (var response in new[] { page, signedIn })
        {
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
            Assert.All(SetCookies(response), cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ForwardedProto_FromTheConfiguredProxy_MakesTheRequestHttps_WithHstsAndSecureCookies()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string>
        {
            ["EcomErp:ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(),
        });
        var server = factory.StartKestrel();
        using var proxy = EcomErpHostFactory.CreateClientFrom(server, Proxy, handleCookies: false);

        var (page, signedIn) = await SignInClaimingHttpsAsync(proxy);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(SetCookies(signedIn), cookie => cookie.StartsWith(AuthenticationCookie + "=", StringComparison.Ordinal));
        foreach (var response in new[] { page, signedIn })
        {
            Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
            Assert.NotEmpty(SetCookies(response));
            Assert.All(SetCookies(response), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedSender_IsNotTheClientAddress_ForTheSignInLimit()
    {
        // A client that rotates X-Forwarded-For must still be counted at its own address.
        using var factory = new EcomErpHostFactory(new Dictionary<string, string>
        {
            ["EcomErp:ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(),
            ["EcomErp:Admin:SignIn:AttemptsPerAddress"] = "2",
        });
        var server = factory.StartKestrel();
        using var stranger = EcomErpHostFactory.CreateClientFrom(server, Stranger);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            stranger.DefaultRequestHeaders.Remove("X-Forwarded-For");
            stranger.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
            using var response = await AdminSignIn.PostLoginAsync(stranger, "nobody@ecomerp.local", "Wrong-Passw0rd!");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>Sign-in as a browser behind a TLS-terminating proxy would: page, token and cookie, post.</summary>
    private static async Task<(HttpResponseMessage Page, HttpResponseMessage SignedIn)> SignInClaimingHttpsAsync(HttpClient client)
    {
        using var pageRequest = ClaimingHttps(new HttpRequestMessage(HttpMethod.Get, AdminSignIn.LoginPath));
        var page = await client.SendAsync(pageRequest);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AdminSignIn.ReadAntiforgeryToken(await page.Content.ReadAsStringAsync());

        using var postRequest = ClaimingHttps(new HttpRequestMessage(HttpMethod.Post, AdminSignIn.LoginPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = EcomErpHostFactory.AdminEmail,
                ["Input.Password"] = EcomErpHostFactory.AdminPassword,
                ["__RequestVerificationToken"] = token,
            }),
        });
        postRequest.Headers.Add("Cookie", string.Join("; ", SetCookies(page).Select(cookie => cookie.Split(';')[0])));
        return (page, await client.SendAsync(postRequest));
    }

    private static HttpRequestMessage ClaimingHttps(HttpRequestMessage request)
    {
        // A public host name: HSTS is never sent to localhost or a loopback address, whatever the scheme.
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
}
