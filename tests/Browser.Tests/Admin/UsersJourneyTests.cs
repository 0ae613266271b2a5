using System.Text.RegularExpressions;
using EcomErp.Admin.Shell;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host: an administrator adds a person, who signs in with what they were handed.</summary>
public sealed class UsersJourneyTests : IAsyncLifetime, IDisposable
{
    private const string FayPassword = "Fay-Own-Passw0rd!";

    private readonly AdminInChromium admin = new();

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task AnAdministratorAddsAFinanceUser_WhoSignsInWithTheOneTimePassword_ChoosesTheirOwn_AndSeesOnlyWhatFinanceSees()
    {
        var page = await admin.PageAsync();
        await SignInAsync(page, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/users$"));
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("fay@example.com");
        await page.GetByLabel("Display name").FillAsync("Fay Finance");
        await page.GetByLabel(Roles.Finance, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/users/details/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fay Finance");
        await Assertions.Expect(page.GetByTestId("user-roles")).ToHaveTextAsync(Roles.Finance);
        var oneTime = await page.GetByTestId("one-time-password").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/account/login"));

        await SignInAsync(page, "fay@example.com", oneTime);
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/account/password$"));
        await Assertions.Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(oneTime);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(FayPassword);
        await page.GetByLabel("Confirm the new password", new() { Exact = true }).FillAsync(FayPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed.");

        await page.GotoAsync("/admin");
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        var shown = (await links.AllInnerTextsAsync()).Select(text => text.Trim()).ToList();
        foreach (var link in AdminNavigation.Sections.SelectMany(section => section.Links))
        {
            var forFinance = link.Roles.Count == 0 || link.Roles.Contains(Roles.Finance);
            Assert.True(forFinance == shown.Any(text => text.StartsWith(link.Title, StringComparison.Ordinal)),
                $"{link.Title} is {(forFinance ? "missing from" : "shown in")} a Finance user's navigation: {string.Join(" | ", shown)}");
        }

        await page.GotoAsync("/admin/users");
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/account/accessdenied"));
    }
}
