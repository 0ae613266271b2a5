using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>Unknown admin paths and missing records answer inside the admin's layout, keeping their status; the API's answers stay as they are.</summary>
public sealed class StatusPageTests : IDisposable
{
    private const string Password = "Status-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new();
    private readonly AdminPageSession _session;

    public StatusPageTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AnUnknownAdminPath_Answers404_InsideTheLayout_NamingThePath()
    {
        using var client = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);

        using var response = await client.GetAsync(new Uri("/admin/no-such-page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>/admin/no-such-page</code>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Main\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signed-in-user\">olga@ecomerp.local<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingRecord_Answers404_InsideTheLayout()
    {
        using var client = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        using var response = await client.GetAsync(new Uri($"/admin/exceptions/case/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrangerOnAnUnknownAdminPath_IsSentToSignInFirst()
    {
        using var stranger = _factory.CreateBrowserLikeClient();

        using var response = await stranger.GetAsync(new Uri("/admin/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/login", new Uri(_factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task ARoleRefusal_StillLeadsToTheAccessDeniedPage_InsideTheLayout_With403()
    {
        using var client = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        using var refused = await client.GetAsync(new Uri("/admin/apiclients", UriKind.Relative));
        using var denied = await client.GetAsync(refused.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, refused.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Access denied</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>Request not completed</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadOverTheHostsBodyLimit_IsSaidToBeTooLarge_NotAMissingPage()
    {
        // Kestrel holds the host's body limit (30,000,000 bytes by default); the in-memory test server has none.
        var server = _factory.StartKestrel();
        // As a browser's upload is refused: on its declared length, before the body is sent, however slowly the host answers.
        using var admin = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, CookieContainer = new CookieContainer(), Expect100ContinueTimeout = TimeSpan.FromMinutes(1),
        }) { BaseAddress = server };
        await AdminSignIn.SignInAsync(admin, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/masterdata/import?handler=Skus")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(new byte[31_000_000]), "skuFile", "skus.csv" } },
        };
        request.Headers.ExpectContinue = true;

        using var response = await admin.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("What was sent is too large for the admin to accept.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to read the request form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormPostNamingAHandlerThePageDoesNotHave_Answers404_AndChangesNothing()
    {
        using var client = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);

        using var response = await AdminPageSession.PostAsync(client, "/admin/orders", "NoSuchHandler", new() { ["name"] = "Mine" });
        var html = await response.Content.ReadAsStringAsync();
        using var orders = await client.GetAsync(new Uri("/admin/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>/admin/orders?handler=NoSuchHandler</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mine", await orders.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormPostToAPageThatTakesNone_Answers405_WithTheMethodsItTakes()
    {
        using var client = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);

        using var response = await AdminPageSession.PostAsync(client, "/admin", null, [], tokenFrom: "/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Contains("This page takes no such request, so nothing was changed.", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Main\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/error/500")]
    [InlineData("/admin/error/503")]
    public async Task TheStatusPage_AskedForDirectly_IsNotFound_EvenForAStranger(string path)
    {
        using var stranger = _factory.CreateBrowserLikeClient();

        using var response = await stranger.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<code>{path}</code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPathOutsideTheAdmin_KeepsItsBare404()
    {
        using var client = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);

        using var response = await client.GetAsync(new Uri("/graphql-no-such-path", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }
}
