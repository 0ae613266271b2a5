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
    private readonly AdminPageSession _session;

    public ApiClientsPageTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> PostIssueAsync(HttpClient client, string name, string[] scopes, string channels = "", string[]? roles = null)
    {
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client, PagePath);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Channels", channels),
            new("__RequestVerificationToken", token),
        };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Input.Scopes", s)));
        fields.AddRange((roles ?? []).Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
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
        using var client = await _session.SignedInAsFirstAdministratorAsync();

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
        using var client = await _session.SignedInAsFirstAdministratorAsync();
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
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        using var _ = await PostIssueAsync(client, "Narrowed partner", ["orders:read", "inventory:read"], "WEB");
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var key = IssuedKey().Match(page).Groups["key"].Value;
        var clientId = RevokeTarget().Matches(page).Select(m => m.Groups["id"].Value).Last();
        const string OrdersQuery = "{ orders(first: 1) { totalCount } }";
        Assert.Null(await GraphQLErrorCodeAsync(key, OrdersQuery));

        using var unknownChannel = await PostChangeAccessAsync(client, clientId, ["inventory:read"], "NOPE");
        var refusal = await unknownChannel.Content.ReadAsStringAsync();
        var ordersAfterRefusal = await GraphQLErrorCodeAsync(key, OrdersQuery);
        using var narrowed = await PostChangeAccessAsync(client, clientId, ["inventory:read"], "WEB");

        Assert.Equal(HttpStatusCode.OK, unknownChannel.StatusCode);
        Assert.Matches("""data-valmsg-for="Access.Channels"[^>]*>Channel NOPE does not exist""", refusal);
        Assert.Contains($"""id="channels-{clientId}" name="Access.Channels" value="NOPE" """, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"status\"", refusal, StringComparison.Ordinal);
        Assert.Null(ordersAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, narrowed.StatusCode);
        Assert.Equal("FORBIDDEN", await GraphQLErrorCodeAsync(key, OrdersQuery));
        Assert.Equal(HttpStatusCode.OK, await CallGraphQLAsync(key));
    }

    [Fact]
    public async Task RevokingAClientThatIsNotThere_OrRevokedAlready_IsSaidAsARefusal_NotAsDone()
    {
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        using var _ = await PostIssueAsync(client, "Old partner", ["orders:read"]);
        var clientId = RevokeTarget().Matches(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative))).Select(m => m.Groups["id"].Value).Last();
        using var first = await AdminPageSession.PostAsync(client, $"{PagePath}?clientId={clientId}", "Revoke", []);

        using var again = await AdminPageSession.PostAsync(client, $"{PagePath}?clientId={clientId}", "Revoke", []);
        using var unknown = await AdminPageSession.PostAsync(client, $"{PagePath}?clientId={Guid.NewGuid()}", "Revoke", []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        foreach (var refused in new[] { again, unknown })
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("data-testid=\"unplaced-errors\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("role=\"status\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("field-validation-error", html, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> PostChangeAccessAsync(HttpClient client, string clientId, string[] scopes, string channels, string[]? roles = null)
    {
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client, PagePath);
        var fields = new List<KeyValuePair<string, string>> { new("Access.Channels", channels), new("__RequestVerificationToken", token) };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Access.Scopes", s)));
        fields.AddRange((roles ?? []).Select(r => new KeyValuePair<string, string>("Access.Roles", r)));
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{PagePath}?handler=ChangeAccess&clientId={clientId}", UriKind.Relative), form);
    }

    [Fact]
    public async Task IssueWithoutScopesOrWithAnUnknownChannel_ShowsTheErrorNextToTheField_KeepsTheInput_AndIssuesNothing()
    {
        using var client = await _session.SignedInAsFirstAdministratorAsync();

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
        using var client = await _session.SignedInAsync("planner@ecomerp.local", Roles.Planner);

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
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged", ["Input.Scopes"] = "orders:read", ["Access.Scopes"] = "orders:write", ["Access.Channels"] = "",
        });

        using var response = await client.PostAsync(new Uri($"{PagePath}?{handler}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task IssueForm_OffersEveryRoleButAdmin_AsLabelledCheckboxes()
    {
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        foreach (var role in Roles.Assignable.Where(r => r != Roles.Admin))
            Assert.Matches($"""<label class="check"><input type="checkbox" name="Input.Roles" value="{role}" /> {role}</label>""", page);
        Assert.DoesNotContain("name=\"Input.Roles\" value=\"Admin\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_IssuesAClientWithTheFinanceRole_SeesTheRoleInTheList_AndCanChangeItsRoles()
    {
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        using var posted = await PostIssueAsync(client, "ERP finance connector", ["orders:read", "orders:write"], roles: [Roles.Finance]);
        var issuedPage = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var clientId = RevokeTarget().Matches(issuedPage).Select(m => m.Groups["id"].Value).Last();
        using var changed = await PostChangeAccessAsync(client, clientId, ["orders:read", "orders:write"], "", [Roles.Finance, Roles.CustomerService]);
        var changedPage = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Finance", RolesShownFor("ERP finance connector", issuedPage));
        Assert.Matches("""<input type="checkbox" name="Access.Roles" value="Finance" checked="checked" />""", issuedPage);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Finance, CustomerService", RolesShownFor("ERP finance connector", changedPage));
    }

    [Fact]
    public async Task IssueGrantingAdmin_ShowsTheErrorNextToTheRoles_KeepsTheInput_AndIssuesNothing()
    {
        using var client = await _session.SignedInAsFirstAdministratorAsync();

        using var forged = await PostIssueAsync(client, "Would-be admin", ["orders:read"], roles: [Roles.Finance, Roles.Admin]);
        var list = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        var html = await forged.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Roles"[^>]*>An API client is never granted Admin[^<(]*<""", html);
        Assert.DoesNotContain("API_CLIENT_ROLE_NOT_GRANTABLE", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Would-be admin\"", html, StringComparison.Ordinal);
        Assert.Matches("""name="Input.Roles" value="Finance" checked="checked" />""", html);
        Assert.Matches("""name="Input.Scopes" value="orders:read" checked="checked" />""", html);
        Assert.DoesNotContain("Would-be admin", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAccessGrantingAdmin_SaysWhy_AndKeepsTheRolesItHad()
    {
        using var client = await _session.SignedInAsFirstAdministratorAsync();
        using var _ = await PostIssueAsync(client, "Finance connector", ["orders:read"], roles: [Roles.Finance]);
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        var clientId = RevokeTarget().Matches(page).Select(m => m.Groups["id"].Value).Last();

        using var refused = await PostChangeAccessAsync(client, clientId, ["orders:read"], "", [Roles.Admin]);
        var refusal = await refused.Content.ReadAsStringAsync();
        var afterRefusal = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("""data-valmsg-for="Access.Roles"[^>]*>An API client is never granted Admin""", refusal);
        Assert.DoesNotContain("API_CLIENT_ROLE_NOT_GRANTABLE", refusal, StringComparison.Ordinal);
        Assert.Equal("Finance", RolesShownFor("Finance connector", afterRefusal));
    }

    /// <summary>What the list's Roles column shows for the client of that name.</summary>
    private static string RolesShownFor(string clientName, string page) =>
        Regex.Match(page, $"""<td>{Regex.Escape(clientName)}</td>.*?data-testid="client-roles">(?<roles>[^<]*)<""", RegexOptions.Singleline)
            .Groups["roles"].Value;

    [GeneratedRegex("""data-testid="issued-key">(?<key>eck_[^<]+)<""")]
    private static partial Regex IssuedKey();

    [GeneratedRegex("""action="[^"]*clientId=(?<id>[0-9a-f-]{36})[^"]*handler=Revoke|action="[^"]*handler=Revoke[^"]*clientId=(?<id>[0-9a-f-]{36})""")]
    private static partial Regex RevokeTarget();
}
