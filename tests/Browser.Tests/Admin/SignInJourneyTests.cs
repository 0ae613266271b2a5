using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>A real Chromium against a real Kestrel host: the sign-in journey as a person walks it.</summary>
public sealed class SignInJourneyTests : IAsyncLifetime, IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly EcomErpHostFactory host = new();
    private readonly string profileDirectory = Directory.CreateTempSubdirectory("ecomerp-chromium-").FullName;
    private IPlaywright? playwright;
    private IBrowserContext? browser;
    private Uri baseAddress = null!;

    public async Task InitializeAsync()
    {
        baseAddress = host.StartKestrel();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchPersistentContextAsync(profileDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
            BaseURL = baseAddress.ToString(),
        });
        // Generous: CI runs every test assembly at once on two cores, and a slow step must not read as a failure.
        browser.SetDefaultTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await host.DisposeAsync();
        Directory.Delete(profileDirectory, recursive: true);
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Administrator_SignsInThroughTheForm_SeesTheLandingPage_AndSignsOut()
    {
        var page = browser!.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();

        await page.GotoAsync("/admin");
        Assert.EndsWith("/admin/account/login?ReturnUrl=%2Fadmin", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Email").FillAsync(EcomErpHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync("Wrong-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("The email or password is not correct.", (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
        Assert.Equal(EcomErpHostFactory.AdminEmail, await page.GetByLabel("Email").InputValueAsync());

        await page.GetByLabel("Password").FillAsync(EcomErpHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal));
        Assert.Equal("Overview", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(EcomErpHostFactory.AdminEmail, await page.GetByTestId("landing-user").InnerTextAsync());
        Assert.Equal("rgb(31, 95, 191)", await page.GetByRole(AriaRole.Link, new() { Name = "jobs dashboard" })
            .EvaluateAsync<string>("link => getComputedStyle(link).color"));

        var screenshot = Path.Combine(Path.GetTempPath(), "ecomerp-admin-landing.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/account/login", StringComparison.Ordinal));
        Assert.Equal("You have been signed out.", (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());

        await page.GotoAsync("/admin");
        Assert.Contains("/admin/account/login", page.Url, StringComparison.Ordinal);
    }
}
