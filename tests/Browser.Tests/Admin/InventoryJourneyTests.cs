using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>
/// A real Chromium against a real Kestrel host with the demo stock: a warehouse manager puts stock on quality hold and asks
/// for an adjustment over the threshold; a second person approves it in the inbox; the position shows the new buckets.
/// </summary>
public sealed class InventoryJourneyTests : IAsyncLifetime, IDisposable
{
    private const string Password = "Inventory-Passw0rd!";
    private const string Sku = "TEE-CREW-M-BLK";
    private const string Warehouse = "WH-ROTTERDAM";

    private readonly AdminInChromium admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" })
    {
        InitScript = AdminInChromium.RecordPolicyViolations,
    };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));
    }

    private async Task<StockLevels> LevelsAsync()
    {
        await using var scope = admin.Host.Services.CreateAsyncScope();
        var balances = await scope.ServiceProvider.GetRequiredService<IInventoryRepository>()
            .FindBalancesAsync([(SkuCode.Of(Sku), LocationCode.Of(Warehouse))], CancellationToken.None);
        return balances.Single().Value.Levels;
    }

    [Fact]
    public async Task AWarehouseManagerHoldsStockAndAdjustsOverTheThreshold_ASecondPersonApproves_AndThePositionShowsTheNewBuckets()
    {
        await admin.Host.CreateUserAsync("wim@ecomerp.local", Password, Roles.WarehouseManager);
        await admin.Host.CreateUserAsync("olga@ecomerp.local", Password, Roles.OperationsManager);
        var before = await LevelsAsync();
        var page = await admin.PageAsync();
        await SignInAsync(page, "wim@ecomerp.local");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Stock positions" }).ClickAsync();
        await page.GetByLabel("SKU or name").FillAsync("tee-crew-m-blk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Sku, Exact = true }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex($"/admin/Inventory/Position/{Sku}$", RegexOptions.IgnoreCase));

        await page.Locator("#Move_Location").SelectOptionAsync(Warehouse);
        await page.Locator("#Move_From").SelectOptionAsync(nameof(StockBucket.Available));
        await page.Locator("#Move_To").SelectOptionAsync(nameof(StockBucket.QualityHold));
        await page.Locator("#Move_Quantity").FillAsync("12");
        await page.Locator("#Move_Reference").FillAsync("Stained batch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("12 moved from Available to QualityHold");

        await page.Locator("#Adjust_Location").SelectOptionAsync(Warehouse);
        await page.Locator("#Adjust_QuantityChange").FillAsync("-60");
        await page.Locator("#Adjust_ReasonCode").SelectOptionAsync(ReasonCodes.Lost);
        await page.Locator("#Adjust_Note").FillAsync("Pallet missing after the stocktake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waits for an operations manager");
        await AdminInChromium.AssertNothingBlockedAsync(page);

        await admin.Host.RunBackgroundWorkAsync();
        await SignInAsync(page, "olga@ecomerp.local");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Adjustments" }).ClickAsync();
        var pending = page.GetByTestId("pending").GetByRole(AriaRole.Row).Filter(new() { HasText = "Pallet missing after the stocktake" });
        await Assertions.Expect(pending.GetByTestId("requested-by")).ToHaveTextAsync("wim@ecomerp.local");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("approved and applied");

        await admin.Host.RunBackgroundWorkAsync();
        await page.GotoAsync($"/admin/inventory/position/{Sku}");
        var row = page.GetByTestId($"location-{Warehouse}");
        await Assertions.Expect(row.GetByTestId("bucket-Available")).ToHaveTextAsync($"{before.Available - 12 - 60}");
        await Assertions.Expect(row.GetByTestId("bucket-QualityHold")).ToHaveTextAsync($"{before.QualityHold + 12}");
        await AdminInChromium.AssertNothingBlockedAsync(page);
        await using var scope = admin.Host.Services.CreateAsyncScope();
        var ledger = await scope.ServiceProvider.GetRequiredService<IQueryHandler<VerifyLedger, LedgerVerificationReport>>()
            .HandleAsync(new VerifyLedger(), CancellationToken.None);
        Assert.True(ledger.Value.Holds, string.Join("; ", ledger.Value.Mismatches));
    }
}
