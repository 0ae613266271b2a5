using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Inventory;

/// <summary>Transfers (send, receive with a discrepancy, the list by status) and cycle counts, as a browser posts them.</summary>
public sealed partial class InventoryPagesTests
{
    private const string TransfersPath = "/admin/inventory/transfers";
    private const string Destination = "WH-BERLIN";

    private static Dictionary<string, string> Transfer(string from, string to, string sku, string quantity) => new()
    {
        ["Input.FromLocation"] = from, ["Input.ToLocation"] = to, ["Input.Lines[0].Sku"] = sku, ["Input.Lines[0].Quantity"] = quantity,
    };

    /// <summary>Ships <paramref name="units"/> of the SKU from the warehouse to the destination through the form; the transfer's page.</summary>
    private async Task<string> ShippedTransferPathAsync(HttpClient client, string units)
    {
        using var shipped = await PostAsync(client, TransfersPath, "", Transfer(Warehouse, Destination, Sku, units));
        return shipped.Headers.Location!.OriginalString;
    }

    private async Task<int> TransfersAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<Transfer>().CountAsync();
    }

    [Fact]
    public async Task AWarehouseManager_SendsATransfer_ReceivesLessThanShipped_AndTheDiscrepancyIsShownAndWrittenOff()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var (source, destination) = (await LevelsAsync(Warehouse), await LevelsAsync(Destination));

        using var shipped = await PostAsync(wim, TransfersPath, "", Transfer(Warehouse, Destination, Sku, "10"));
        var detailsPath = shipped.Headers.Location!.OriginalString;
        var inTransit = WebUtility.HtmlDecode(await GetAsync(wim, detailsPath));
        var levelsInTransit = (await LevelsAsync(Warehouse), await LevelsAsync(Destination));
        using var received = await PostAsync(wim, detailsPath, "Receive", new() { ["Arrived[0]"] = "8" });
        var after = WebUtility.HtmlDecode(await GetAsync(wim, detailsPath));

        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        Assert.Matches("(?i)^/admin/inventory/transfers/details/[0-9a-f-]{36}$", detailsPath);
        Assert.Contains("the stock is in transit.", inTransit, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"transfer-status\">InTransit<", inTransit, StringComparison.Ordinal);
        Assert.Equal(source.Available - 10, levelsInTransit.Item1.Available);
        Assert.Equal(destination.InTransit + 10, levelsInTransit.Item2.InTransit);
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        Assert.Contains("Less arrived than was shipped: the difference is written off as a discrepancy.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"transfer-status\">Received · discrepancy<", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"discrepancy\">2<", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Receive", after, StringComparison.Ordinal);
        var arrived = await LevelsAsync(Destination);
        Assert.Equal((destination.Available + 8, destination.InTransit), (arrived.Available, arrived.InTransit));
        await AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task AReceiptPostedTwice_NamesWhoReceivedTheTransfer_AndBooksItOnce()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var detailsPath = await ShippedTransferPathAsync(wim, "10");
        using var first = await PostAsync(wim, detailsPath, "Receive", new() { ["Arrived[0]"] = "10" });
        var received = await LevelsAsync(Destination);

        using var second = await PostAsync(wim, detailsPath, "Receive", new() { ["Arrived[0]"] = "10" });
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("wim@ecomerp.local received this transfer already; the page shows what arrived.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("was already received by", html, StringComparison.Ordinal);
        Assert.Equal(received, await LevelsAsync(Destination));
    }

    [Theory]
    [InlineData(Warehouse, Warehouse, Sku, "1", "Input.ToLocation", "A transfer goes to another location.")]
    [InlineData(Warehouse, Destination, Sku, "100000", "Input.Lines[0].Quantity", "")]
    [InlineData(Warehouse, Destination, "NO-SUCH-SKU", "1", "Input.Lines[0].Sku", "")]
    [InlineData(Warehouse, Destination, Sku, "", "Input.Lines[0].Quantity", "Say how many units to send.")]
    public async Task ABadTransfer_ComesBackWithItsMessageBesideTheField_KeepsWhatWasTyped_AndShipsNothing(
        string from, string to, string sku, string quantity, string field, string message)
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var (transfers, entries) = (await TransfersAsync(), await LedgerEntriesAsync());

        using var posted = await PostAsync(wim, TransfersPath, "", Transfer(from, to, sku, quantity));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(message, FieldError(html, field), StringComparison.Ordinal);
        Assert.NotEmpty(FieldError(html, field));
        Assert.Contains($"name=\"Input.Lines[0].Sku\" value=\"{sku}\"", html, StringComparison.Ordinal);
        Assert.Equal((transfers, entries), (await TransfersAsync(), await LedgerEntriesAsync()));
    }

    [Fact]
    public async Task ReceivingMoreThanWasShipped_ComesBackBesideTheLine_AndTheTransferStaysInTransit()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var detailsPath = await ShippedTransferPathAsync(wim, "4");

        using var posted = await PostAsync(wim, detailsPath, "Receive", new() { ["Arrived[0]"] = "5" });
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("between 0 and that many can arrive", FieldError(html, "Arrived[0]"), StringComparison.Ordinal);
        Assert.Contains("value=\"5\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"transfer-status\">InTransit<", await GetAsync(wim, detailsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTransferList_FiltersByStatusInTheQueryString_AndAReaderSeesNoFormAndIsRefusedAPost()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var first = await PostAsync(wim, TransfersPath, "", Transfer(Warehouse, Destination, Sku, "2"));
        using var second = await PostAsync(wim, TransfersPath, "", Transfer(Destination, Warehouse, Sku, "3"));
        await PostAsync(wim, first.Headers.Location!.OriginalString, "Receive", new() { ["Arrived[0]"] = "2" });

        var inTransit = await GetAsync(fay, $"{TransfersPath}?status=InTransit");
        var received = await GetAsync(fay, $"{TransfersPath}?status=Received");
        using var refused = await PostAsync(fay, TransfersPath, "", Transfer(Warehouse, Destination, Sku, "1"));
        using var forged = await PostAsync(wim, TransfersPath, "", Transfer(Warehouse, Destination, Sku, "1"), withToken: false);

        Assert.Contains("1 transfer.", inTransit, StringComparison.Ordinal);
        Assert.Contains("3 TEE-CREW-M-BLK", inTransit, StringComparison.Ordinal);
        Assert.Contains("1 transfer.", received, StringComparison.Ordinal);
        Assert.Contains("2 TEE-CREW-M-BLK", received, StringComparison.Ordinal);
        Assert.DoesNotContain("Ship transfer", inTransit, StringComparison.Ordinal);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, refused.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(2, await TransfersAsync());
    }

    [Fact]
    public async Task ACycleCount_OnTheCountsPage_ShowsItsVariance_AndAnUnknownSkuComesBackBesideTheSku()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var available = (await LevelsAsync()).Available;
        var adjustments = await AdjustmentsAsync();

        using var counted = await PostAsync(wim, "/admin/inventory/cyclecounts", "",
            new() { ["Input.Sku"] = Sku, ["Input.Location"] = Warehouse, ["Input.CountedQuantity"] = Units(available - 4) });
        var page = WebUtility.HtmlDecode(await GetAsync(wim, "/admin/inventory/cyclecounts"));
        using var unknown = await PostAsync(wim, "/admin/inventory/cyclecounts", "",
            new() { ["Input.Sku"] = "NO-SUCH-SKU", ["Input.Location"] = Warehouse, ["Input.CountedQuantity"] = "3" });
        var unknownHtml = await unknown.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        Assert.Contains("The adjustment of -4 (COUNT_CORRECTION) is applied at WH-ROTTERDAM.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"variance\">-4<", page, StringComparison.Ordinal);
        Assert.Equal(available - 4, (await LevelsAsync()).Available);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("NO-SUCH-SKU", FieldError(unknownHtml, "Input.Sku"), StringComparison.Ordinal);
        Assert.Contains("value=\"NO-SUCH-SKU\"", unknownHtml, StringComparison.Ordinal);
        Assert.Equal(adjustments + 1, await AdjustmentsAsync());
        Assert.Matches(new Regex("""data-testid="count-[0-9]+"""), page);
    }
}
