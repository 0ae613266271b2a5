using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.ApiClients;

public sealed partial class ApiClientsPageTests : IDisposable
{
    private const string PagePath = "/admin/apiclients";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, email, password);
        return client;
    }

    private static async Task<HttpResponseMessage> PostIssueAsync(HttpClient client, string name, string[] scopes, string channels = "")
    {
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client, PagePath);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Channels", channels),
            new("__RequestVerificationToken", token),
        };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Input.Scopes", s)));
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{PagePath}?handler=Issue", UriKind.Relative), form);
    }

    private async Task<HttpStatusCode> CallGraphQLAsync(string key) => (await SendGraphQLAsync(key, "{ skus(first: 1) { totalCount } }")).Status;

    /// <summary>The first error's code of a GraphQL query sent with the key, or null when it answered without errors.</summary>
    private async Task<string?> GraphQLErrorCodeAsync(string key, string query)
    {
        var (_, text) = await SendGraphQLAsync(key, query);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
            ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
            : null;
    }

    private async Task<(HttpStatusCode Status, string Body)> SendGraphQLAsync(string key, string query)
    {
        using var api = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_IssuesAClient_SeesItsKeyOnce_AndTheKeyOpensTheApi()
    {
        using var client = await SignedInAsync(EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        using var posted = await PostIssueAsync(client, "Storefront", ["orders:read", "inventory:read"], "WEB");
        var firstView = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var secondView = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var key = IssuedKey().Match(firstView);
        Assert.True(key.Success, "the issued key is shown after the redirect");
        Assert.DoesNotMatch(IssuedKey(), secondView);
        Assert.Contains("Storefront", secondView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await CallGraphQLAsync(key.Groups["key"].Value));
    }

    [Fact]
    public async Task RevokedClient_KeyNoLongerOpensTheApi()
    {
        using var client = await SignedInAsync(EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        using var _ = await PostIssueAsync(client, "Old partner", ["orders:read"]);
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var key = IssuedKey().Match(page).Groups["key"].Value;
        var clientId = RevokeTarget().Matches(page).Select(m => m.Groups["id"].Value).Last();

        var token = AdminSignIn.ReadAntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var revoked = await client.PostAsync(new Uri($"{PagePath}?handler=Revoke&clientId={clientId}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallGraphQLAsync(key));
    }

    [Fact]
    public async Task ChangingAClientsAccess_NarrowsWhatItsKeyMayDo_AndAnUnknownChannelChangesNothing()
    {
        using var client = await SignedInAsync(EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        using var _ = await PostIssueAsync(client, "Narrowed partner", ["orders:read", "inventory:read"], "WEB");
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var key = IssuedKey().Match(page).Groups["key"].Value;
        var clientId = RevokeTarget().Matches(page).Select(m => m.Groups["id"].Value).Last();
        const string OrdersQuery = "{ orders(first: 1) { totalCount } }";
        Assert.Null(await GraphQLErrorCodeAsync(key, OrdersQuery));

        using var unknownChannel = await PostChangeAccessAsync(client, clientId, ["inventory:read"], "NOPE");
        var afterRefusal = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var ordersAfterRefusal = await GraphQLErrorCodeAsync(key, OrdersQuery);
        using var narrowed = await PostChangeAccessAsync(client, clientId, ["inventory:read"], "WEB");

        Assert.Equal(HttpStatusCode.Redirect, unknownChannel.StatusCode);
        Assert.Contains("Channel NOPE does not exist", afterRefusal, StringComparison.Ordinal);
        Assert.Null(ordersAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, narrowed.StatusCode);
        Assert.Equal("FORBIDDEN", await GraphQLErrorCodeAsync(key, OrdersQuery));
        Assert.Equal(HttpStatusCode.OK, await CallGraphQLAsync(key));
    }

    private static async Task<HttpResponseMessage> PostChangeAccessAsync(HttpClient client, string clientId, string[] scopes, string channels)
    {
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client, PagePath);
        var fields = new List<KeyValuePair<string, string>> { new("channels", channels), new("__RequestVerificationToken", token) };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("scopes", s)));
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{PagePath}?handler=ChangeAccess&clientId={clientId}", UriKind.Relative), form);
    }

    [Fact]
    public async Task IssueWithoutScopesOrWithAnUnknownChannel_ShowsTheErrorNextToTheField_KeepsTheInput_AndIssuesNothing()
    {
        using var client = await SignedInAsync(EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        using var noScopes = await PostIssueAsync(client, "Nameless scopes", []);
        using var badChannel = await PostIssueAsync(client, "Bad channel", ["orders:read"], "NOPE");
        var list = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        var noScopesHtml = await noScopes.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noScopes.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Scopes\"[^>]*>At least one scope is required", noScopesHtml);
        Assert.Contains("value=\"Nameless scopes\"", noScopesHtml, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Input.Channels\"[^>]*>Channel NOPE does not exist", await badChannel.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Nameless scopes", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad channel", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithoutTheAdminRole_IsDenied()
    {
        await _factory.CreateUserAsync("planner@ecomerp.local", "Planner-Passw0rd!", Roles.Planner);
        using var client = await SignedInAsync("planner@ecomerp.local", "Planner-Passw0rd!");

        using var response = await client.GetAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("handler=Issue")]
    [InlineData("handler=ChangeAccess&clientId=4f1c2a8e-0000-4000-8000-000000000001")]
    [InlineData("handler=Revoke&clientId=4f1c2a8e-0000-4000-8000-000000000001")]
    public async Task PostWithoutAnAntiforgeryToken_IsRejected(string handler)
    {
        using var client = await SignedInAsync(EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged", ["Input.Scopes"] = "orders:read", ["scopes"] = "orders:write", ["channels"] = "",
        });

        using var response = await client.PostAsync(new Uri($"{PagePath}?{handler}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("""data-testid="issued-key">(?<key>eck_[^<]+)<""")]
    private static partial Regex IssuedKey();

    [GeneratedRegex("""action="[^"]*clientId=(?<id>[0-9a-f-]{36})[^"]*handler=Revoke|action="[^"]*handler=Revoke[^"]*clientId=(?<id>[0-9a-f-]{36})""")]
    private static partial Regex RevokeTarget();
}
