using System.Text;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>
/// A planner imports SKUs from a CSV file in Chromium: the upload is queued for the host's worker and its page follows the run
/// (import.js) until the outcome shows; a file with bad rows is reported and imports nothing; the corrected file imports.
/// </summary>
public sealed class ImportJourneyTests : IAsyncLifetime, IDisposable
{
    private const string Email = "pia@ecomerp.local";
    private const string Password = "Planner-Passw0rd!";
    private const string Header = "code,name,style,size,colour,price,cost,currency,weight,critical,substitutes";

    private readonly AdminInChromium admin = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    // The host's Hangfire worker picks the job up within moments; the machine is shared, so the wait is generous.
    private const float WorkerTimeoutMs = 30_000;

    private static Regex ImportPage() => new("/admin/masterdata/import/[0-9a-f-]{36}$", RegexOptions.IgnoreCase);

    private static FilePayload Csv(string text) => new() { Name = "skus.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task APlanner_ImportsAFileWithTwoBadRows_SeesBothReportedAndNothingImported_ThenImportsTheCorrectedFile()
    {
        await admin.Host.CreateUserAsync(Email, Password, Roles.Planner);
        var page = await admin.PageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/masterdata/import$"));
        await page.GetByLabel("SKU file (.csv)").SetInputFilesAsync(Csv($"""
            {Header}
            JOURNEY-M-RED,Journey Red M,JOURNEY,M,Red,29.90,11.00,EUR,210,no,
            JOURNEY-L-RED,Journey Red L,JOURNEY,L,Red,29.90,11.00,XXX,210,no,
            JOURNEY-S-RED,Journey Red S,JOURNEY,S,Red,29.90,11.00,EUR,light,no,
            """));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import SKUs" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, ImportPage());

        // The worker runs the import in the background; the page reloads itself with the report once the run has ended.
        var rejected = page.GetByTestId("import-rejected-row");
        await Assertions.Expect(rejected).ToHaveCountAsync(2, new() { Timeout = WorkerTimeoutMs });
        await Assertions.Expect(rejected.Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(rejected.Nth(0)).ToContainTextAsync("currency");
        await Assertions.Expect(rejected.Nth(1)).ToContainTextAsync("4");
        await Assertions.Expect(rejected.Nth(1)).ToContainTextAsync("The weight is a whole number such as 180, not \"light\".");
        await Assertions.Expect(page.GetByTestId("import-problem")).ToContainTextAsync("Nothing was imported: 2 row(s) of 3 are refused.");
        await page.GotoAsync("/admin/masterdata/skus?q=JOURNEY");
        await Assertions.Expect(page.GetByTestId("skus-count")).ToHaveTextAsync("0 SKUs.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import SKUs or opening stock from CSV" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin/masterdata/import$"));
        await page.GetByLabel("SKU file (.csv)").SetInputFilesAsync(Csv($"""
            {Header}
            JOURNEY-M-RED,Journey Red M,JOURNEY,M,Red,29.90,11.00,EUR,210,no,
            JOURNEY-L-RED,Journey Red L,JOURNEY,L,Red,29.90,11.00,EUR,210,no,
            JOURNEY-S-RED,Journey Red S,JOURNEY,S,Red,29.90,11.00,EUR,190,no,JOURNEY-M-RED
            """));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import SKUs" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, ImportPage());

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 3 SKUs from skus.csv", new() { Timeout = WorkerTimeoutMs });
        await Assertions.Expect(page.GetByTestId("import-progress-bar")).ToHaveAttributeAsync("value", "3");
        await page.GotoAsync("/admin/masterdata/skus/details/JOURNEY-S-RED");
        await Assertions.Expect(page.GetByTestId("sku-substitutes")).ToHaveTextAsync("JOURNEY-M-RED");
        await Assertions.Expect(page.GetByTestId("sku-price")).ToHaveTextAsync("29.90 EUR");
    }
}
