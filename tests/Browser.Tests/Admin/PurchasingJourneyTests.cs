using System.Globalization;
using System.Text.RegularExpressions;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host: a warehouse manager receives a confirmed purchase order and sees the SKU's ATP rise.</summary>
public sealed class PurchasingJourneyTests : IAsyncLifetime, IDisposable
{
    private const string WarehouseEmail = "wim@ecomerp.local";
    private const string Password = "Purchasing-Passw0rd!";
    private const string Sku = "TEE-CREW-M-BLK";

    private readonly AdminInChromium admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" })
    {
        InitScript = AdminInChromium.RecordPolicyViolations,
    };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    private async Task<Guid> ConfirmedPurchaseOrderAsync(int quantity)
    {
        var eta = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var created = await admin.Host.SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Actors.Planner, "TEXTIL-PORTO", "WH-BERLIN", [new CreatePurchaseOrderLine(Sku, quantity, eta)]));
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var confirmed = await admin.Host.SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Actors.Planner, created.Value.Id));
        Assert.True(confirmed.IsSuccess, string.Join("; ", confirmed.Errors));
        return created.Value.Id;
    }

    [Fact]
    public async Task AWarehouseManager_ReceivesAConfirmedPurchaseOrder_AndSeesTheSkusAtpRiseOnThePurchaseOrderPage()
    {
        await admin.Host.CreateUserAsync(WarehouseEmail, Password, Roles.WarehouseManager);
        var id = await ConfirmedPurchaseOrderAsync(40);
        var page = await admin.PageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(WarehouseEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Purchase orders" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Confirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByTestId($"purchase-order-{id}").GetByRole(AriaRole.Link).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex($"/admin/purchasing/details/{id}$"));
        var line = page.GetByTestId($"po-line-{Sku}");
        var before = int.Parse(await line.GetByTestId("atp-WEB").InnerTextAsync(), CultureInfo.InvariantCulture);

        await page.GetByLabel($"Units of {Sku} counted in").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book receipt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has its receipt booked");
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByTestId("po-status")).ToHaveTextAsync("PartiallyReceived");
        await Assertions.Expect(line.GetByTestId("po-line-received")).ToHaveTextAsync("30");
        await Assertions.Expect(line.GetByTestId("atp-WEB")).ToHaveTextAsync((before + 30).ToString(CultureInfo.InvariantCulture));
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
