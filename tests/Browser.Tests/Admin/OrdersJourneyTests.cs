using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host: an operations manager finds a held order, reads why it cannot move, and lets it go.</summary>
public sealed class OrdersJourneyTests : IAsyncLifetime, IDisposable
{
    private const string OpsEmail = "ops@ecomerp.local";
    private const string Password = "Orders-Passw0rd!";

    private readonly FakeTimeProvider time = new(ErpTestHost.Start);
    private readonly AdminInChromium admin;

    public OrdersJourneyTests() =>
        // No worker role: the automation runs only when the test says (RunBackgroundWorkAsync), so the order it holds
        // cannot be validated and allocated between its capture and its hold.
        admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true", ["EcomErp:Roles"] = "api,admin" },
            services => services.AddSingleton<TimeProvider>(time))
        {
            InitScript = AdminInChromium.RecordPolicyViolations,
        };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    /// <summary>Captured and put on a manual hold before the automation's first look, so it waits in Captured (SendAsync then projects it).</summary>
    private async Task CaptureHeldAsync(string externalId)
    {
        Result<CapturedOrder> captured;
        await using (var scope = admin.Host.Services.CreateAsyncScope())
        {
            captured = await scope.ServiceProvider.GetRequiredService<ICommandHandler<CaptureOrder, CapturedOrder>>()
                .HandleAsync(new OrderBuilder().WithExternalId(externalId).WithLine("TEE-CREW-M-BLK", 2).BuildCommand(), CancellationToken.None);
        }
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        var held = await admin.Host.SendAsync<PlaceHold, OrderCommandResult>(
            new PlaceHold(captured.Value.OrderId, Actors.CustomerService, HoldType.Manual, "The customer asked us to wait for their call."));
        Assert.True(held.IsSuccess, string.Join("; ", held.Errors));
        Assert.Equal(OrderStatus.Captured, held.Value.Status);
    }

    [Fact]
    public async Task OperationsManager_FindsAHeldOrderByExternalId_ReadsThatTheHoldBlocksIt_ReleasesTheHold_AndSeesItAllocate()
    {
        await admin.Host.CreateUserAsync(OpsEmail, Password, Roles.OperationsManager);
        await CaptureHeldAsync("WEB-JOURNEY-1");
        var page = await admin.PageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(OpsEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        await page.GetByLabel("External id").FillAsync("WEB-JOURNEY-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("externalId=WEB-JOURNEY-1"));
        await Assertions.Expect(page.GetByTestId("order-row")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "WEB-JOURNEY-1" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync(nameof(OrderStatus.Captured));
        await Assertions.Expect(page.GetByTestId("blocker")).ToContainTextAsync(nameof(HoldType.Manual));
        await page.GetByLabel("Resolution").FillAsync("The customer called: ship it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release hold" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The hold is released.");

        // The worker's automation validates and allocates the released order; the test host runs it on demand.
        await admin.Host.RunBackgroundWorkAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync(nameof(OrderStatus.Allocated));
        await Assertions.Expect(page.GetByTestId("allocation")).ToContainTextAsync("2 at WH-");
        await Assertions.Expect(page.GetByTestId("blockers-none")).ToBeVisibleAsync();
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }

    [Fact]
    public async Task OperationsManager_SavesTheFiltersAsAView_OpensItFromTheViewsRow_AndDeletesIt()
    {
        await admin.Host.CreateUserAsync(OpsEmail, Password, Roles.OperationsManager);
        var page = await admin.PageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(OpsEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        await page.GotoAsync("/admin/orders");
        await AdminInChromium.AssertNothingBlockedAsync(page);
        await page.GetByLabel("Status").SelectOptionAsync(nameof(OrderStatus.Backordered));
        await page.GetByLabel("Sort by").SelectOptionAsync("ShipBy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("status=Backordered"));
        await AdminInChromium.AssertNothingBlockedAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your views (0 of 20)" })).ToBeVisibleAsync();
        await page.GetByLabel("Save these filters and sort as").FillAsync("Backorders by ship-by");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("View 'Backorders by ship-by' is saved.");
        await AdminInChromium.AssertNothingBlockedAsync(page);

        await page.GetByTestId("view-All").ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/orders$"));
        await page.GetByTestId("my-view").ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("status=Backordered"));
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync(nameof(OrderStatus.Backordered));
        await Assertions.Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("ShipBy");
        await Assertions.Expect(page.GetByTestId("my-view")).ToHaveAttributeAsync("aria-current", "page");

        await page.GetByTestId("my-view-row").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Delete the view Backorders by ship-by?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The view is deleted.");
        await Assertions.Expect(page.GetByTestId("my-view")).ToHaveCountAsync(0);
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
