using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ListInventoryPositions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Inventory;

/// <summary>Backorders beside the positions, transfers' expected arrivals, and the list of every cycle count, as a browser uses them.</summary>
public sealed partial class InventoryPagesTests
{
    private const string CountsPath = "/admin/inventory/cyclecounts";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<DateOnly?> EtaAsync(string detailsPath)
    {
        var id = Guid.Parse(detailsPath[(detailsPath.LastIndexOf('/') + 1)..]);
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<Transfer>().AsNoTracking()
            .Where(t => t.Id == new TransferId(id)).Select(t => t.ExpectedOn).SingleAsync();
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    [InlineData("Pacific/Pago_Pago")]
    public async Task TheCountsOfTheWholeCalendar_AreListed_InAZoneAheadOfUtcOrBehindIt(string zone)
    {
        using var wim = await _session.SignedInAsync($"wim.{zone.Replace('/', '.')}@ecomerp.local", Roles.WarehouseManager);
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(wim, "/admin/account/profile");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.TimeZone"] = zone, ["__RequestVerificationToken"] = token });
        using var chosen = await wim.PostAsync(new Uri("/admin/account/profile", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        using var everything = await wim.GetAsync(new Uri($"{CountsPath}?from={Day(DateOnly.MinValue)}&to={Day(DateOnly.MaxValue)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, everything.StatusCode);
        Assert.DoesNotContain("could not be read", await everything.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATransferSentWithAnEta_ShowsItOnTheListTheDetailsAndThePosition_AndTheEtaMovesWhileInTransit()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var (first, later) = (Today.AddDays(3), Today.AddDays(6));

        using var shipped = await PostAsync(wim, TransfersPath, "",
            new(Transfer(Warehouse, Destination, Sku, "3")) { ["Input.ExpectedOn"] = Day(first) });
        var detailsPath = shipped.Headers.Location!.OriginalString;
        var details = await GetAsync(wim, detailsPath);
        var list = await GetAsync(wim, $"{TransfersPath}?status=InTransit");
        var position = await GetAsync(wim, PositionPath);
        using var moved = await PostAsync(wim, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = Day(later) });
        var after = WebUtility.HtmlDecode(await GetAsync(wim, detailsPath));

        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        Assert.Matches($"""data-testid="transfer-eta">\s*<time datetime="{Day(first)}">{Day(first)}</time>""", details);
        Assert.Contains($"""<time datetime="{Day(first)}">{Day(first)}</time>""", list, StringComparison.Ordinal);
        Assert.Matches($"""(?s)data-testid="in-transit">.*data-testid="eta">\s*<time datetime="{Day(first)}">{Day(first)}</time>""", position);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains($"Expected arrival set to {Day(later)}.", after, StringComparison.Ordinal);
        Assert.Equal(later, await EtaAsync(detailsPath));
    }

    [Fact]
    public async Task TwoPeopleMovingOneTransfersEta_TheSecondFromTheVersionTheyRead_IsToldSomeoneElseChangedIt_AndChangesNothing()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var walt = await _session.SignedInAsync("walt@ecomerp.local", Roles.WarehouseManager);
        using var shipped = await PostAsync(wim, TransfersPath, "", new(Transfer(Warehouse, Destination, Sku, "2")) { ["Input.ExpectedOn"] = Day(Today.AddDays(3)) });
        var detailsPath = shipped.Headers.Location!.OriginalString;
        // Both open the page on the same version, the one its ETA form carries.
        var seen = EtaVersion(await GetAsync(wim, detailsPath));
        Assert.Matches("^[0-9]+$", seen);
        Assert.Equal(seen, EtaVersion(await GetAsync(walt, detailsPath)));

        using var first = await PostAsync(wim, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = Day(Today.AddDays(5)), ["Eta.ExpectedVersion"] = seen });
        using var second = await PostAsync(walt, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = Day(Today.AddDays(4)), ["Eta.ExpectedVersion"] = seen });
        var secondHtml = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this transfer while you were looking at it", FieldError(secondHtml, "Eta"), StringComparison.Ordinal);
        Assert.DoesNotContain("CONCURRENCY_CONFLICT", secondHtml, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(5), await EtaAsync(detailsPath));
        // What was typed stays; the page shows the arrival as it now is, and the form the version it now has.
        Assert.Contains($"value=\"{Day(Today.AddDays(4))}\"", secondHtml, StringComparison.Ordinal);
        Assert.Matches($"""data-testid="transfer-eta">\s*<time datetime="{Day(Today.AddDays(5))}">""", secondHtml);
        Assert.NotEqual(seen, EtaVersion(secondHtml));
    }

    /// <summary>The version the page's ETA form sends back.</summary>
    private static string EtaVersion(string html) =>
        Regex.Match(html, """name="Eta.ExpectedVersion" value="(?<version>\d+)""").Groups["version"].Value;

    [Fact]
    public async Task AnEtaBeforeTheShipDate_ComesBackBesideTheField_KeepsWhatWasTyped_AndChangesNothing_AndOthersAreRefused()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var shipped = await PostAsync(wim, TransfersPath, "", Transfer(Warehouse, Destination, Sku, "2"));
        var detailsPath = shipped.Headers.Location!.OriginalString;
        var (transfers, entries) = (await TransfersAsync(), await LedgerEntriesAsync());

        using var early = await PostAsync(wim, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = "2001-02-03" });
        var earlyHtml = await early.Content.ReadAsStringAsync();
        using var empty = await PostAsync(wim, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = "" });
        using var earlyShipment = await PostAsync(wim, TransfersPath, "",
            new(Transfer(Warehouse, Destination, Sku, "1")) { ["Input.ExpectedOn"] = "2001-02-03" });
        using var refused = await PostAsync(fay, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = Day(Today.AddDays(1)) });
        using var forged = await PostAsync(wim, detailsPath, "Eta", new() { ["Eta.ExpectedOn"] = Day(Today.AddDays(1)) }, withToken: false);

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("before the transfer shipped", FieldError(earlyHtml, "Eta.ExpectedOn"), StringComparison.Ordinal);
        Assert.Contains("value=\"2001-02-03\"", earlyHtml, StringComparison.Ordinal);
        Assert.Contains("Say on which day", FieldError(await empty.Content.ReadAsStringAsync(), "Eta.ExpectedOn"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, earlyShipment.StatusCode);
        Assert.Contains("before the transfer shipped", FieldError(await earlyShipment.Content.ReadAsStringAsync(), "Input.ExpectedOn"), StringComparison.Ordinal);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, refused.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await EtaAsync(detailsPath));
        Assert.Equal((transfers, entries), (await TransfersAsync(), await LedgerEntriesAsync()));
    }

    [Fact]
    public async Task TheCountsPage_ListsMatchedCountsToo_AndFiltersByOutcomeSkuAndDays_InTheQueryString()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var available = (await LevelsAsync()).Available;
        await PostAsync(wim, CountsPath, "", new() { ["Input.Sku"] = Sku, ["Input.Location"] = Warehouse, ["Input.CountedQuantity"] = Units(available) });
        await PostAsync(wim, CountsPath, "", new() { ["Input.Sku"] = Sku, ["Input.Location"] = Warehouse, ["Input.CountedQuantity"] = Units(available - 2) });

        var all = await GetAsync(wim, $"{CountsPath}?sku={Sku}");
        var matched = await GetAsync(wim, $"{CountsPath}?sku={Sku}&outcome=Matched");
        var variance = await GetAsync(wim, $"{CountsPath}?sku={Sku}&location={Warehouse}&outcome=Variance");
        var today = await GetAsync(wim, $"{CountsPath}?sku={Sku}&from={Day(Today.AddDays(-1))}&to={Day(Today.AddDays(1))}");
        var longAgo = await GetAsync(wim, $"{CountsPath}?from=2001-01-01&to=2001-01-31");
        var unreadable = await GetAsync(wim, $"{CountsPath}?from=yesterday");
        var backwards = await GetAsync(wim, $"{CountsPath}?from=2001-01-31&to=2001-01-01");

        Assert.Contains("data-testid=\"counts-total\">2 counts.<", all, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counts-total\">1 count.<", matched, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"variance\">matched<", matched, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"variance\">-2<", matched, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counts-total\">1 count.<", variance, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"variance\">-2<", variance, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counts-total\">2 counts.<", today, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counts-total\">0 counts.<", longAgo, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counts-problem\"", unreadable, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counts-problem\"", backwards, StringComparison.Ordinal);
        Assert.Contains("value=\"Matched\" selected", matched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePositionList_FiltersByBackorders_AndSortsByThem_AsTheOrderReadSideHasThem()
    {
        // The demo's orders include a reseller's bulk buy and a wholesale order waiting for grey sweatshirts (DemoOrders).
        using var demo = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true", ["EcomErp:SeedDemoOrders"] = "true" });
        var session = new AdminPageSession(demo, Password);
        using var fay = await session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        await demo.RunBackgroundWorkAsync();
        InventoryPositionPage expected;
        await using (var scope = demo.Services.CreateAsyncScope())
            expected = (await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListInventoryPositions, InventoryPositionPage>>()
                .HandleAsync(new ListInventoryPositions(null, null, false, 100, null, true, PositionSort.BackorderedUnits), CancellationToken.None)).Value;

        var page = await GetAsync(fay, "/admin/inventory?backordered=true&sort=BackorderedUnits");
        var rows = Regex.Matches(page, """data-testid="position-(?<sku>[^"]+)".*?data-testid="backordered">(?<units>\d+)<""", RegexOptions.Singleline)
            .Select(m => (m.Groups["sku"].Value, int.Parse(m.Groups["units"].Value, CultureInfo.InvariantCulture))).ToList();
        var position = WebUtility.HtmlDecode(await GetAsync(fay, "/admin/inventory/position/SWEAT-CREW-M-GRY"));
        var unknownSort = await GetAsync(fay, "/admin/inventory?sort=Sideways");

        Assert.Contains(expected.Positions, p => p.Sku == "SWEAT-CREW-M-GRY");
        Assert.Equal(expected.Positions.Take(25).Select(p => (p.Sku, expected.BackorderedOf(p.Sku))), rows);
        Assert.All(rows, r => Assert.True(r.Item2 > 0, r.Item1));
        Assert.Equal(rows.Select(r => r.Item2).OrderByDescending(u => u), rows.Select(r => r.Item2));
        Assert.Contains("id=\"backordered\" name=\"backordered\" value=\"true\" checked", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"backordered-units\">{expected.BackorderedOf("SWEAT-CREW-M-GRY")} units backordered on 2 order lines", position,
            StringComparison.Ordinal);
        Assert.Contains("data-testid=\"positions-problem\"", unknownSort, StringComparison.Ordinal);
    }
}
