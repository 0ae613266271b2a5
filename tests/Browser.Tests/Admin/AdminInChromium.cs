using System.Text.RegularExpressions;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>
/// A real Kestrel host and a headless Debian Chromium on a fresh profile, started with the flags this machine needs
/// (no sandbox as root, no background networking on a closed network). One per test class; <paramref name="settings"/>
/// override the host's configuration.
/// </summary>
public sealed class AdminInChromium(IReadOnlyDictionary<string, string>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// An <see cref="InitScript"/> that records every content security policy violation the browser reports in
    /// <c>window.__violations</c> (it runs outside the page's policy); <see cref="AssertNothingBlockedAsync"/> reads them.
    /// </summary>
    public const string RecordPolicyViolations =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly EcomErpHostFactory host = new(settings, services);
    private readonly string profileDirectory = Directory.CreateTempSubdirectory("ecomerp-chromium-").FullName;
    private IPlaywright? playwright;
    private IBrowserContext? browser;

    /// <summary>The host's data folder (its database; with demo data, its demo API key).</summary>
    public string DataDirectory => host.DataDirectory;

    /// <summary>The host itself, to send commands and create people as the test's setup.</summary>
    public EcomErpHostFactory Host => host;

    /// <summary>Runs in every page before the page's own scripts (and outside its content security policy).</summary>
    public string? InitScript { get; init; }

    public async Task InitializeAsync()
    {
        var baseAddress = host.StartKestrel();
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
        if (InitScript is not null)
        {
            await browser.AddInitScriptAsync(InitScript);
        }
    }

    /// <summary>The context's first tab.</summary>
    public async Task<IPage> PageAsync() => browser!.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();

    /// <summary>
    /// Waits until the page's URL matches, by Playwright's retrying URL assertion. Not WaitForURLAsync: when the navigation
    /// has already arrived it waits for a load state instead (it ignores WaitUntil = Commit then, playwright-dotnet#3365),
    /// and that wait timed out in CI after a post-redirect-get had already landed; the assertion only reads the URL, so it
    /// cannot wait for an event that has come and gone. The steps that follow wait for the elements they read.
    /// </summary>
    public static Task ArrivedAtAsync(IPage page, Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });

    /// <summary>Fails when the page's policy blocked anything since it loaded (needs <see cref="RecordPolicyViolations"/>).</summary>
    public static async Task AssertNothingBlockedAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, $"{page.Url}: {string.Join(" | ", violations)}");
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
}
