using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host with the demo data: a planner changes a channel's split policy and the allocation preview on the page changes.</summary>
public sealed class ChannelPolicyJourneyTests : IAsyncLifetime, IDisposable
{
    private const string PlannerEmail = "planner@ecomerp.local";
    private const string Password = "Channels-Passw0rd!";

    private readonly AdminInChromium admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" })
    {
        InitScript = AdminInChromium.RecordPolicyViolations,
    };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    [Fact]
    public async Task APlanner_PreviewsAnOrderNoWarehouseHoldsAlone_SeesItSplit_TurnsSplittingOff_AndThePreviewShowsItWaitingWhole()
    {
        await admin.Host.CreateUserAsync(PlannerEmail, Password, Roles.Planner);
        // The preview plans on the inventory position read model: project the demo stock into it.
        await admin.Host.RunBackgroundWorkAsync();
        var page = await admin.PageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(PlannerEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Channels" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "WEB", Exact = true }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/MasterData/Channels/Details/WEB", RegexOptions.IgnoreCase));
        await page.GetByLabel("Lines").FillAsync("TEE-CREW-M-BLK 2500");
        await page.GetByLabel("Ship-to country").FillAsync("DE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-shipments")).ToHaveTextAsync("2 shipments");
        await Assertions.Expect(page.GetByTestId("preview-status")).ToHaveTextAsync("Complete");

        await page.GetByLabel("Orders may ship in several shipments").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The allocation policy of WEB is saved");
        await Assertions.Expect(page.GetByTestId("preview-shipments")).ToHaveTextAsync("0 shipments");
        await Assertions.Expect(page.GetByTestId("preview-status")).ToHaveTextAsync("Backordered");
        await Assertions.Expect(page.GetByLabel("Orders may ship in several shipments")).Not.ToBeCheckedAsync();
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
