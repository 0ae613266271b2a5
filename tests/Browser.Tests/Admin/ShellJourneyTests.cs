using System.Text.RegularExpressions;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>The shell on a phone in a real Chromium: the folded menu, the top bar's search, and a revoke that asks first.</summary>
public sealed class ShellJourneyTests : IAsyncLifetime, IDisposable
{
    private readonly AdminInChromium admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" })
    {
        InitScript = AdminInChromium.RecordPolicyViolations,
    };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    [Fact]
    public async Task OnAPhone_AnAdministratorOpensTheMenu_SearchesFromTheTopBar_AndRevokesAClientOnlyAfterConfirming()
    {
        var page = await admin.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(EcomErpHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(EcomErpHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        // The menu is folded on a phone, and opens on a tap.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(navigation).Not.ToBeVisibleAsync();
        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(navigation).ToBeVisibleAsync();

        // The top bar's search keeps what was typed when nothing matches.
        await page.GetByLabel("Search orders, SKUs and purchase orders").FillAsync("NO-SUCH-ORDER");
        await page.GetByLabel("Search orders, SKUs and purchase orders").PressAsync("Enter");
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/search\\?q=NO-SUCH-ORDER$"));
        await Assertions.Expect(page.GetByTestId("search-none")).ToContainTextAsync("Nothing matches “NO-SUCH-ORDER”");

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "API clients" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/apiclients$"));
        var demo = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demo integration" });
        await Assertions.Expect(demo).ToContainTextAsync("active");

        // Revoke asks first; cancelling leaves the client as it was.
        var dialog = page.GetByRole(AriaRole.Dialog);
        await demo.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Revoke Demo integration? Its key stops working at once");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(demo).ToContainTextAsync("active");

        await demo.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The client is revoked");
        await Assertions.Expect(demo).ToContainTextAsync("revoked");
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
