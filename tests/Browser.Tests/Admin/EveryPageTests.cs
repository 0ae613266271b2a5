using System.Text.Json;
using System.Text.RegularExpressions;
using EcomErp.Admin.Shell;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>
/// The walker: every page of the admin's navigation (read from <see cref="AdminNavigation.Sections"/>, so a page added there is
/// walked without touching this test), the first record of each list, and the shell's own pages, each checked by axe-core in
/// Chromium, at 1280 px and at 390 px (where nothing may make the page scroll sideways), and photographed at both widths into <c>$ECOMERP_SCREENSHOTS</c> (default
/// <c>TestResults/screenshots</c> beside the test assembly).
/// A list marks its record links with <c>data-detail-link</c>; without one the walker takes the first link of the list's
/// <c>tbody</c> that leads to another page.
/// </summary>
public sealed partial class EveryPageTests : IAsyncLifetime, IDisposable
{
    private const string Email = "walker@ecomerp.local";
    private const string Password = "Walker-Passw0rd!";

    /// <summary>The impacts that fail the walk; "moderate" and "minor" findings are left to review.</summary>
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly (string Name, int Width, int Height)[] Widths = [("1280", 1280, 900), ("390", 390, 844)];

    private readonly AdminInChromium admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    private static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("ECOMERP_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Fact]
    public async Task EveryPageOfTheNavigation_AndTheFirstRecordOfEachList_HasNoSeriousAccessibilityViolation_AndFitsTheScreenAt1280And390Px()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var findings = new List<string>();
        var page = await admin.PageAsync();
        // axe-core enters every page the way the CSP recorder does: through the DevTools protocol, before the page's own
        // scripts and outside its content security policy (an inline <script> would be refused, and should be).
        await page.AddInitScriptAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

        // The sign-in page, as a stranger sees it.
        await CheckAsync(page, "/admin/account/login", "sign-in", findings);

        // Every role, so every link of the navigation shows; the demo's events delivered, so its lists have rows.
        await admin.Host.CreateUserAsync(Email, Password, [.. Roles.Assignable]);
        var returnedOrder = await admin.Host.ShipAsync(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 3));
        var refunded = await admin.Host.RefundAllOfFirstLineAsync(returnedOrder, 2);
        await admin.Host.RunBackgroundWorkAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        // The admin's own pages of the navigation; the jobs dashboard and the GraphQL IDE are other products' pages.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var links = new List<(string Title, string Href)>();
        foreach (var link in AdminNavigation.Sections.SelectMany(section => section.Links).Where(link => link.Page is not null))
        {
            var href = await navigation.GetByRole(AriaRole.Link, new() { Name = link.Title }).First.GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(href), $"the navigation shows no link '{link.Title}' to a person with every role");
            links.Add((link.Title, href!));
        }

        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (title, href) in links)
        {
            if (!visited.Add(PathOf(href)))
                continue;
            await CheckAsync(page, href, title, findings);

            // The first record of the list, where the page is one.
            var detail = await FirstDetailLinkAsync(page);
            if (detail is not null && visited.Add(PathOf(detail)))
                await CheckAsync(page, detail, $"{title} record", findings);
        }

        // The shell's own pages, which no section lists, and the record pages reached from an order rather than from a list
        // (a return's request form; the return itself is the returns queue's first record, and its refund puts a credit note
        // in the finance documents walked above: listed here too, it is skipped once visited).
        foreach (var (path, name) in new[]
        {
            ("/admin", "overview"), ("/admin/account/profile", "profile"), ("/admin/search?q=no-such-record", "search, nothing found"),
            ("/admin/no-such-page", "not found"), ("/admin/account/accessdenied", "access denied"),
            ($"/admin/returns/{refunded.ReturnId}", "return"), ($"/admin/returns/new?orderId={returnedOrder}", "request a return"),
            ($"/admin/orders/details/{returnedOrder}", "order with a return"),
        })
        {
            if (visited.Add(PathOf(path)))
                await CheckAsync(page, path, name, findings, expectError: name is "not found" or "access denied");
        }

        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
    }

    /// <summary>Opens <paramref name="path"/> at each width, photographs it, runs axe and measures the page's width.</summary>
    private static async Task CheckAsync(IPage page, string path, string name, List<string> findings, bool expectError = false)
    {
        foreach (var (widthName, width, height) in Widths)
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            var status = response?.Status ?? 0;
            if (expectError ? status < 400 : status >= 400)
                findings.Add($"{path} ({name}) answered {status}");

            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{FileNameOf(name)}-{widthName}.png"), FullPage = true });
            foreach (var violation in await ViolationsAsync(page))
                findings.Add($"{path} ({name}) at {widthName} px: {violation}");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
                findings.Add($"{path} ({name}) at {widthName} px: the page is {widths[0]} px wide, wider than the screen ({widths[1]} px)");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>
    /// axe-core's serious and critical violations of the page as "rule (impact): help — nodes"; axe.run is called through the
    /// DevTools protocol, which the admin's content security policy does not govern.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(
            """
            async impacts => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => impacts.includes(v.impact))
                    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`));
            }
            """,
            FailingImpacts);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    /// <summary>The list's first record link: one marked <c>data-detail-link</c>, else the first table-body link to another page.</summary>
    private static async Task<string?> FirstDetailLinkAsync(IPage page) => await page.EvaluateAsync<string?>(
        """
        () => {
            const marked = document.querySelector('main [data-detail-link] a[href], main a[data-detail-link][href]');
            if (marked) return marked.getAttribute('href');
            const here = location.pathname;
            const link = [...document.querySelectorAll('main tbody a[href]')]
                .find(a => new URL(a.href, location.href).pathname !== here);
            return link ? link.getAttribute('href') : null;
        }
        """);

    private static string PathOf(string href) => new Uri(new Uri("http://admin.invalid"), href).AbsolutePath.TrimEnd('/');

    private static string FileNameOf(string name) => NotAFileNameCharacter().Replace(name.ToLowerInvariant(), "-");

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAFileNameCharacter();
}
