using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Finance;

/// <summary>The finance pages over HTTP on the real host: documents, a document, the journal and the trial balance, for finance only.</summary>
public sealed partial class FinancePagesTests : IDisposable
{
    private const string Password = "Finance-Passw0rd!";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public FinancePagesTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, Password);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Ships (and so invoices) an order of <paramref name="units"/> tees, a minute after the last.</summary>
    private Task<Guid> InvoicedOrderAsync(int units)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        return _factory.ShipAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", units));
    }

    private static string Numbers(string page) => string.Join("|", DocumentLink().Matches(page).Select(m => m.Groups["n"].Value));

    [GeneratedRegex("""data-testid="document-link"[^>]*>(?<n>[^<]+)<""")]
    private static partial Regex DocumentLink();

    [Fact]
    public async Task Documents_ListInvoicesNewestFirst_FilterByOrderAndNumber_AndOpenAPrintableDocument()
    {
        var first = await InvoicedOrderAsync(1);
        var second = await InvoicedOrderAsync(3);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        var all = await fay.GetStringAsync(new Uri("/admin/finance/documents?type=Invoice", UriKind.Relative));
        var ofFirst = await fay.GetStringAsync(new Uri($"/admin/finance/documents?order={first}", UriKind.Relative));
        var numbers = Numbers(all).Split('|');
        var byNumber = await fay.GetStringAsync(new Uri($"/admin/finance/documents?number={numbers[0]}", UriKind.Relative));
        var noCreditNotes = await fay.GetStringAsync(new Uri("/admin/finance/documents?type=CreditNote", UriKind.Relative));
        var document = await fay.GetStringAsync(new Uri($"/admin/finance/documents/{numbers[1]}", UriKind.Relative));

        Assert.Equal(2, numbers.Length);
        Assert.Contains("2 documents.", all, StringComparison.Ordinal);
        Assert.Equal(numbers[1], Numbers(ofFirst));
        Assert.Equal(numbers[0], Numbers(byNumber));
        Assert.Equal("", Numbers(noCreditNotes));
        Assert.Contains($"data-testid=\"document-number\">{numbers[1]}<", document, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/orders/details/{first}\"", document, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"document-total\"><strong>[^<]*25[.,]00", document);
        Assert.Contains("print.css", document, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Documents_PageWithAnAfterLink_AndABadCursorOrWindowSaysWhy_WithoutAnError()
    {
        for (var i = 0; i < Areas.Admin.Pages.Finance.DocumentsModel.PageSize + 1; i++)
            await InvoicedOrderAsync(1);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        var first = await fay.GetStringAsync(new Uri("/admin/finance/documents", UriKind.Relative));
        var next = WebUtility.HtmlDecode(Regex.Match(Regex.Match(first, """<a[^>]*data-testid="documents-next"[^>]*>""").Value, """href="(?<h>[^"]+)""").Groups["h"].Value);
        var second = await fay.GetStringAsync(new Uri(next, UriKind.Relative));
        using var badCursor = await fay.GetAsync(new Uri("/admin/finance/documents?after=99999999999999999999:x", UriKind.Relative));
        using var badWindow = await fay.GetAsync(new Uri("/admin/finance/documents?from=2026-03-05&to=2026-03-01", UriKind.Relative));
        using var unknown = await fay.GetAsync(new Uri("/admin/finance/documents/INV-0000-000000", UriKind.Relative));
        using var endOfTime = await fay.GetAsync(new Uri("/admin/finance/documents?to=9999-12-31", UriKind.Relative));
        using var balanceAtTheEndOfTime = await fay.GetAsync(new Uri("/admin/finance/trial-balance?asOf=9999-12-31", UriKind.Relative));

        Assert.Equal(Areas.Admin.Pages.Finance.DocumentsModel.PageSize, Numbers(first).Split('|').Length);
        Assert.Single(Numbers(second).Split('|'));
        Assert.DoesNotContain(Numbers(second), Numbers(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badCursor.StatusCode);
        Assert.Contains("That page link is not one this page made", await badCursor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badWindow.StatusCode);
        Assert.Contains("The window ends before it starts", await badWindow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains($"{Areas.Admin.Pages.Finance.DocumentsModel.PageSize + 1} documents.", await endOfTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, balanceAtTheEndOfTime.StatusCode);
    }

    [Fact]
    public async Task Journal_FiltersByAccount_AndAnAccountOutsideTheChartSaysSo()
    {
        await InvoicedOrderAsync(2);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        var revenue = await fay.GetStringAsync(new Uri("/admin/finance/journal?account=REVENUE", UriKind.Relative));
        var invented = await fay.GetStringAsync(new Uri("/admin/finance/journal?account=PETTY_CASH", UriKind.Relative));

        Assert.Contains("1 entry.", revenue, StringComparison.Ordinal);
        Assert.Contains(">REVENUE</a>", revenue, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"journal-problem\">&#x27;PETTY_CASH&#x27; is not an account of the chart of accounts.", invented, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrialBalance_ShowsDebitsEqualCredits_AndTheInventoryValuationReconciled()
    {
        await InvoicedOrderAsync(2);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        var page = await fay.GetStringAsync(new Uri("/admin/finance/trial-balance", UriKind.Relative));
        var debits = Regex.Match(page, """data-testid="trial-balance-debits">(?<v>[^<]+)<""").Groups["v"].Value;
        var credits = Regex.Match(page, """data-testid="trial-balance-credits">(?<v>[^<]+)<""").Groups["v"].Value;
        var beforeAnything = await fay.GetStringAsync(new Uri("/admin/finance/trial-balance?asOf=2001-01-01", UriKind.Relative));

        Assert.Contains("Debits equal credits in every currency.", page, StringComparison.Ordinal);
        Assert.NotEqual("", debits);
        Assert.Equal(debits, credits);
        var valuation = Regex.Match(page, """data-testid="valuation-state">[\s\S]*?</p>""").Value;
        Assert.True(valuation.Contains("The journal's inventory equals the ledger's stock at cost for every SKU.", StringComparison.Ordinal), valuation);
        Assert.Contains("Nothing is posted yet.", beforeAnything, StringComparison.Ordinal);
        // The valuation is as of the chosen day too: in 2001 there was no stock to value, and nothing posted to reconcile it with.
        var valuationThen = Regex.Match(beforeAnything, """data-testid="valuation-state">[\s\S]*?</p>""").Value;
        Assert.True(valuationThen.Contains("The journal's inventory equals the ledger's stock at cost for every SKU.", StringComparison.Ordinal), valuationThen);
        Assert.NotEqual(StockAtCost(valuation), StockAtCost(valuationThen));
    }

    private static string StockAtCost(string valuation) =>
        string.Join(" ", Regex.Matches(valuation, """Stock at cost: (?<v>[^<]+)\.<""").Select(m => m.Groups["v"].Value));

    [Theory]
    [InlineData("/admin/finance/documents")]
    [InlineData("/admin/finance/journal")]
    [InlineData("/admin/finance/trial-balance")]
    public async Task FinancePages_AreRefusedToAWarehouseManager_AndShownToAnAdministrator(string path)
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var admin = await _session.SignedInAsFirstAdministratorAsync();

        using var refused = await wim.GetAsync(new Uri(path, UriKind.Relative));
        using var shown = await admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("accessdenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
