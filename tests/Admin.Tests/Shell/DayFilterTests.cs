using System.Net;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>
/// Every admin list filtered by days reads "to" as its whole day, and the calendar's last day as no end at all: a query string
/// that asks for 9999-12-31 is a page, never a server error (there is no next midnight to end the window at).
/// </summary>
public sealed class DayFilterTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public DayFilterTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/orders")]
    [InlineData("/admin/inventory/ledger?sku=TEE-CREW-M-BLK")]
    [InlineData("/admin/returns")]
    [InlineData("/admin/finance/journal")]
    public async Task TheLastDayOfTheCalendar_LeavesTheWindowOpen_AndListsWhatAnOpenWindowLists(string path)
    {
        var finance = await _factory.ActorOfAsync(EcomErpHostFactory.AdminEmail, Roles.Finance);
        Assert.True((await _factory.SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(finance, "Refused for the log", [ApiScopes.OrdersRead], [], []))).IsFailure);
        using var admin = await _session.SignedInAsFirstAdministratorAsync();
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        using var open = await admin.GetAsync(new Uri(path, UriKind.Relative));
        using var lastDay = await admin.GetAsync(new Uri($"{path}{separator}to=9999-12-31", UriKind.Relative));
        var openHtml = await open.Content.ReadAsStringAsync();
        var lastDayHtml = await lastDay.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lastDay.StatusCode);
        Assert.Equal(Rows(openHtml), Rows(lastDayHtml));
        Assert.DoesNotContain("role=\"alert\"", lastDayHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditLog_UpToTheLastDayOfTheCalendar_ShowsTheEntries()
    {
        var finance = await _factory.ActorOfAsync(EcomErpHostFactory.AdminEmail, Roles.Finance);
        Assert.True((await _factory.SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(finance, "Refused for the log", [ApiScopes.OrdersRead], [], []))).IsFailure);
        using var admin = await _session.SignedInAsFirstAdministratorAsync();

        var html = await admin.GetStringAsync(new Uri("/admin/audit?command=IssueApiClient&to=9999-12-31", UriKind.Relative));

        Assert.True(Rows(html) >= 1, "the refused key issue is in the log");
    }

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/orders")]
    [InlineData("/admin/inventory/ledger?sku=TEE-CREW-L-BLK")]
    [InlineData("/admin/returns")]
    [InlineData("/admin/inventory/cyclecounts")]
    public async Task ALastDayBeforeTheFirst_IsSaidInTheAdminsWords(string path)
    {
        using var admin = await _session.SignedInAsFirstAdministratorAsync();
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        using var backwards = await admin.GetAsync(new Uri($"{path}{separator}from=2026-12-06&to=2026-12-05", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Matches("""role="alert"[^>]*>\s*(<ul><li>)?The last day requested is before the first; choose a later day.<""", html);
        Assert.DoesNotContain("capturedTo", html, StringComparison.Ordinal);
        Assert.DoesNotContain("occurredTo", html, StringComparison.Ordinal);
    }

    private static int Rows(string html) => System.Text.RegularExpressions.Regex.Count(html, "<tr[ >]");
}
