using System.Text.RegularExpressions;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host: the sign-in journey as a person walks it.</summary>
public sealed class SignInJourneyTests : IAsyncLifetime, IDisposable
{
    private readonly AdminInChromium admin = new();

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    [Fact]
    public async Task Administrator_SignsInThroughTheForm_SeesTheLandingPage_AndSignsOut()
    {
        var page = await admin.PageAsync();

        await page.GotoAsync("/admin");
        Assert.EndsWith("/admin/account/login?ReturnUrl=%2Fadmin", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Email").FillAsync(EcomErpHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync("Wrong-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("The email or password is not correct.", (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
        Assert.Equal(EcomErpHostFactory.AdminEmail, await page.GetByLabel("Email").InputValueAsync());

        await page.GetByLabel("Password").FillAsync(EcomErpHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));
        Assert.Equal("Overview", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(EcomErpHostFactory.AdminEmail, await page.GetByTestId("landing-user").InnerTextAsync());
        // What the administrator relies on, not how it is painted: the page rendered with the admin's stylesheet, and the
        // overview's way on to the jobs dashboard is a visible link of that name leading there.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.styleSheets].some(sheet => (sheet.href ?? '').includes('/admin.css') && sheet.cssRules.length > 0)"),
            "the admin stylesheet is applied");
        var jobsDashboard = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true });
        await Assertions.Expect(jobsDashboard).ToBeVisibleAsync();
        await Assertions.Expect(jobsDashboard).ToHaveAttributeAsync("href", "/admin/jobs");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/account/login"));
        Assert.Equal("You have been signed out.", (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());

        await page.GotoAsync("/admin");
        Assert.Contains("/admin/account/login", page.Url, StringComparison.Ordinal);
    }
}
