using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AuditPage = EcomErp.Admin.Areas.Admin.Pages.Audit.IndexModel;

namespace EcomErp.Admin.Tests.Audit;

/// <summary>The audit log page over HTTP on the real host: what a person did in the admin is there, filtered and paged through the query string.</summary>
public sealed partial class AuditLogPageTests : IDisposable
{
    private const string PagePath = "/admin/audit";
    private const string Password = "Audit-Page-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new();
    private readonly AdminPageSession _session;

    public AuditLogPageTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static int Rows(string html) => AuditRow().Count(html);

    [Fact]
    public async Task AKeyIssuedInTheAdmin_IsInTheLog_WithWhoIssuedItAndItsValues_ButNeverItsKeyHash()
    {
        using var admin = await _session.SignedInAsFirstAdministratorAsync();
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(admin, "/admin/apiclients");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Audited storefront",
            ["Input.Channels"] = "",
            ["Input.Scopes"] = ApiScopes.OrdersRead,
            ["__RequestVerificationToken"] = token,
        });
        using var issued = await admin.PostAsync(new Uri("/admin/apiclients?handler=Issue", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var html = await admin.GetStringAsync(new Uri($"{PagePath}?command=IssueApiClient", UriKind.Relative));

        await using var scope = _factory.Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<ApiClient>().AsNoTracking().Where(c => c.Name == "Audited storefront").Select(c => c.KeyHash).SingleAsync();
        Assert.Equal(1, Rows(html));
        Assert.Contains(EcomErpHostFactory.AdminEmail, html, StringComparison.Ordinal);
        Assert.Matches("<td>Name</td><td>[^<]+</td><td>Audited storefront</td>", html);
        Assert.DoesNotContain(hash, html, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyHash", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_InTheQueryString_NarrowTheLog_AndTheNextPageLinkShowsTheRest()
    {
        var finance = await _factory.ActorOfAsync(EcomErpHostFactory.AdminEmail, Roles.Finance);
        for (var i = 0; i < AuditPage.PageSize + 1; i++)
            Assert.True((await _factory.SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(finance, $"Refused {i}", [ApiScopes.OrdersRead], [], []))).IsFailure);
        using var admin = await _session.SignedInAsFirstAdministratorAsync();

        var refused = await admin.GetStringAsync(new Uri($"{PagePath}?outcome=Refused&command=IssueApiClient", UriKind.Relative));
        var next = NextPage().Match(refused);
        Assert.True(next.Success, "a next page link");
        var rest = await admin.GetStringAsync(new Uri(WebUtility.HtmlDecode(next.Groups["href"].Value), UriKind.Relative));
        var succeeded = await admin.GetStringAsync(new Uri($"{PagePath}?outcome=Succeeded&command=IssueApiClient", UriKind.Relative));

        Assert.Contains($"{AuditPage.PageSize + 1} entries.", refused, StringComparison.Ordinal);
        Assert.Equal(AuditPage.PageSize, Rows(refused));
        Assert.Contains(CommonErrors.NotPermitted, refused, StringComparison.Ordinal);
        Assert.Equal(1, Rows(rest));
        Assert.DoesNotMatch(NextPage(), rest);
        Assert.Contains("0 entries.", succeeded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutive_ReadsTheLog_FromTheNavigation_AndOtherRolesAreTurnedAway()
    {
        using var executive = await _session.SignedInAsync("executive@ecomerp.local", Roles.Executive);
        using var finance = await _session.SignedInAsync("finance@ecomerp.local", Roles.Finance);

        var overview = await executive.GetStringAsync(new Uri("/admin", UriKind.Relative));
        using var read = await executive.GetAsync(new Uri(PagePath, UriKind.Relative));
        var financeOverview = await finance.GetStringAsync(new Uri("/admin", UriKind.Relative));
        using var denied = await finance.GetAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Contains($"href=\"{PagePath}\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain($"href=\"{PagePath}\"", financeOverview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/admin/account/accessdenied", denied.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AForgedPageLink_OrAWindowEndingBeforeItStarts_IsExplained_NotAnError()
    {
        using var admin = await _session.SignedInAsFirstAdministratorAsync();

        using var forged = await admin.GetAsync(new Uri($"{PagePath}?after=not-a-cursor", UriKind.Relative));
        var backwards = await admin.GetStringAsync(new Uri($"{PagePath}?from=2026-03-05&to=2026-03-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("data-testid=\"audit-problem\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit-problem\"", backwards, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"audit-row\"")]
    private static partial Regex AuditRow();

    [GeneratedRegex("<a(?=[^>]*data-testid=\"audit-next\")[^>]*href=\"(?<href>[^\"]+)")]
    private static partial Regex NextPage();
}
