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
        await AdminInChromium.ArrivedAtAsync(page, url => url.EndsWith("/admin", StringComparison.Ordinal));
        Assert.Equal("Overview", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(EcomErpHostFactory.AdminEmail, await page.GetByTestId("landing-user").InnerTextAsync());
        Assert.Equal("rgb(31, 95, 191)", await page.GetByRole(AriaRole.Link, new() { Name = "jobs dashboard" })
            .EvaluateAsync<string>("link => getComputedStyle(link).color"));

        var screenshot = Path.Combine(Path.GetTempPath(), "ecomerp-admin-landing.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, url => url.Contains("/admin/account/login", StringComparison.Ordinal));
        Assert.Equal("You have been signed out.", (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());

        await page.GotoAsync("/admin");
        Assert.Contains("/admin/account/login", page.Url, StringComparison.Ordinal);
    }
}
