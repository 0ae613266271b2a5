using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EcomErp.Application.Imports;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Imports;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.MasterData;

/// <summary>
/// The import pages over HTTP on the real host: CSV files of SKUs and opening stock posted as a browser uploads them, queued
/// for the worker, whose job the test runs itself (the host has no worker role), then the import's page with its outcome.
/// </summary>
public sealed partial class ImportPageTests : IDisposable
{
    private const string Password = "Import-Passw0rd!";
    private const string PagePath = "/admin/masterdata/import";
    private const string SkuHeader = "code,name,style,size,colour,price,cost,currency,weight,critical,substitutes";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true", ["EcomErp:Import:MaxFileBytes"] = "4096", ["EcomErp:Import:MaxRows"] = "20",
        ["EcomErp:Roles"] = "api,admin",
    });
    private readonly AdminPageSession _session;

    public ImportPageTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string handler, string field, string fileName, byte[] content,
        bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
            form.Add(new StringContent(await AdminSignIn.GetAntiforgeryTokenAsync(client, PagePath)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, fileName);
        return await client.PostAsync(new Uri($"{PagePath}?handler={handler}", UriKind.Relative), form);
    }

    private static Task<HttpResponseMessage> UploadSkusAsync(HttpClient client, string csv, bool withToken = true) =>
        UploadAsync(client, "Skus", "skuFile", "skus.csv", Encoding.UTF8.GetBytes(csv), withToken);

    /// <summary>Follows the upload's redirect to its import's page, runs the worker's job for it, and reads the page again.</summary>
    private async Task<(Guid Id, string Queued, string Finished)> RunAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!;
        var id = Guid.Parse(ImportPath().Match(location.OriginalString).Groups["id"].Value);
        var queued = await client.GetStringAsync(location);
        await _factory.Services.GetRequiredService<ImportJob>().RunAsync(id, CancellationToken.None);
        return (id, queued, WebUtility.HtmlDecode(await client.GetStringAsync(location)));
    }

    private async Task<T> WithDbAsync<T>(Func<ErpDbContext, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ErpDbContext>());
    }

    private Task<string> StateAsync() => WithDbAsync(async db =>
        $"{await db.Skus.CountAsync()}#{await db.Set<LedgerEntry>().CountAsync()}");

    private static IReadOnlyList<(string Line, string Column, string Reason)> Rejected(string html) =>
        [.. RejectedRow().Matches(html).Select(m => (m.Groups["line"].Value, m.Groups["column"].Value, WebUtility.HtmlDecode(m.Groups["reason"].Value)))];

    [Fact]
    public async Task AGoodSkuFile_ThenAGoodStockFile_ImportEveryRow_AndTheStockArrivesThroughTheLedger()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var skus = await UploadSkusAsync(pia, $"""
            {SkuHeader}
            POLO-M-RED,Polo Red M,POLO,M,Red,29.90,11.00,EUR,210,yes,POLO-M-BLU
            POLO-M-BLU,"Polo Blue, M",POLO,M,Blue,29.90,11.00,EUR,210,,
            """);
        var skusRun = await RunAsync(pia, skus);
        Assert.Contains("Imported 2 SKUs from skus.csv", skusRun.Finished, StringComparison.Ordinal);
        using var stock = await UploadAsync(pia, "Stock", "stockFile", "stock.csv", Encoding.UTF8.GetBytes("""
            sku,location,quantity,bucket
            POLO-M-RED,WH-BERLIN,40,
            POLO-M-BLU,WH-LEEDS,5,QualityHold
            """));

        var stockRun = await RunAsync(pia, stock);

        Assert.Contains("Imported 2 opening stock rows from stock.csv", stockRun.Finished, StringComparison.Ordinal);
        var list = await pia.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        Assert.Equal([stockRun.Id, skusRun.Id], ImportLink().Matches(list).Select(m => Guid.Parse(m.Groups["id"].Value)));
        var names = await WithDbAsync(db => db.Skus.AsNoTracking().Where(s => s.Style == "POLO").Select(s => s.Name).ToListAsync());
        Assert.Contains("Polo Blue, M", names);
        var entries = await WithDbAsync(db => db.Set<LedgerEntry>().AsNoTracking().Where(e => e.ReasonCode == ReasonCodes.OpeningBalance
            && e.Reference.StartsWith("IMPORT:stock-")).ToListAsync());
        Assert.Equal([(40, StockBucket.Available), (5, StockBucket.QualityHold)], entries.OrderByDescending(e => e.Quantity).Select(e => (e.Quantity, e.To!.Value)));
    }

    [Fact]
    public async Task AFileWithTwoBadRows_ReportsBothByLineAndReason_ImportsNothing_AndTheAuditRecordsTheRefusedImport()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await StateAsync();

        using var posted = await UploadSkusAsync(pia, $"""
            {SkuHeader}
            POLO-M-RED,Polo Red M,POLO,M,Red,29.90,11.00,EUR,210,no,
            POLO-L-RED,Polo Red L,POLO,L,Red,-5,11.00,EUR,210,no,
            POLO-S-RED,,POLO,S,Red,29.90,11.00,EUR,210,no,
            """);
        var (_, queued, html) = await RunAsync(pia, posted);

        Assert.Contains("Waiting for the worker to start the import.", queued, StringComparison.Ordinal);
        Assert.Contains("""max="3" value="0">0 of 3</progress>""", queued, StringComparison.Ordinal);
        Assert.Empty(Rejected(queued));
        Assert.Equal([("3", "price", "A price cannot be negative."), ("4", "name", "A SKU name of 1 to 200 characters is required.")], Rejected(html));
        Assert.Contains("Nothing was imported: 2 row(s) of 3 are refused.", html, StringComparison.Ordinal);
        Assert.Contains("""max="3" value="3">3 of 3</progress>""", html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Command == "ImportSkus"));
        Assert.Equal((AuditOutcome.Refused, ImportRows.AuditKind), (audit.Outcome, audit.SubjectKind));
    }

    [Theory]
    [InlineData("", ImportErrors.FileEmpty, "the file sent is empty")]
    [InlineData("code,name\nPOLO-M-RED,Polo\n", ImportErrors.HeaderInvalid, "missing: style, size, colour, price, cost, currency, weight")]
    [InlineData(SkuHeader + "\n", ImportErrors.FileEmpty, "a header and no rows")]
    [InlineData(SkuHeader + "\nPOLO-M-RED,\"Polo,POLO,M,Red,29.90,11.00,EUR,210,no,\n", ImportErrors.FileUnreadable, "not readable as CSV")]
    [InlineData(SkuHeader + "\nPOLO-M-RED,Polo,POLO\n", ImportErrors.FileUnreadable, "not readable as CSV at line 2")]
    public async Task ABadFile_IsRefusedWholeWithAClearMessage_AndChangesNothing(string csv, string code, string message)
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await StateAsync();

        using var posted = await UploadSkusAsync(pia, csv);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(0, await WithDbAsync(db => db.Set<ImportRun>().CountAsync()));
    }

    [Fact]
    public async Task AFileOverTheConfiguredLimits_OrNotText_IsRefused_AndChangesNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await StateAsync();
        var tooMany = SkuHeader + "\n" + string.Join("\n", Enumerable.Range(1, 21).Select(i => $"POLO-{i}-RED,Polo,POLO,M,Red,1,1,EUR,1,,"));

        using var big = await UploadSkusAsync(pia, SkuHeader + "\n" + new string('x', 5000));
        using var rows = await UploadSkusAsync(pia, tooMany);
        using var binary = await UploadAsync(pia, "Skus", "skuFile", "skus.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE, 0x00]);

        Assert.Contains("an import takes at most 4 KB", WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("more than 20 rows", WebUtility.HtmlDecode(await rows.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("not UTF-8 text", WebUtility.HtmlDecode(await binary.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task AWarehouseManagerIsDenied_AndAnUploadWithoutAnAntiforgeryToken_IsRejected()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var denied = await wim.GetAsync(new Uri(PagePath, UriKind.Relative));
        using var forged = await UploadSkusAsync(pia, $"{SkuHeader}\nPOLO-M-RED,Polo,POLO,M,Red,1,1,EUR,1,,", withToken: false);

        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, denied.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "POLO")));
        Assert.Equal(0, await WithDbAsync(db => db.Set<ImportRun>().CountAsync()));
    }

    [Fact]
    public async Task AnImportsPage_IsAPlannersOnly_AndAnUnknownImportIsNotFound()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var posted = await UploadSkusAsync(pia, $"{SkuHeader}\nPOLO-M-RED,Polo,POLO,M,Red,1,1,EUR,1,,");
        var location = posted.Headers.Location!;

        using var denied = await wim.GetAsync(location);
        using var unknown = await pia.GetAsync(new Uri($"{PagePath}/{Guid.NewGuid()}", UriKind.Relative));
        using var unknownProgress = await pia.GetAsync(new Uri($"{PagePath}/{Guid.NewGuid()}?handler=Progress", UriKind.Relative));

        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, denied.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProgress.StatusCode);
    }

    [Fact]
    public async Task TheProgressHandler_SaysQueuedUntilTheWorkerRuns_ThenFinished()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var posted = await UploadSkusAsync(pia, $"{SkuHeader}\nPOLO-M-RED,Polo,POLO,M,Red,1,1,EUR,1,,\nPOLO-L-RED,Polo,POLO,L,Red,1,1,EUR,1,,");
        var progress = new Uri(posted.Headers.Location!.OriginalString + "?handler=Progress", UriKind.Relative);

        var queued = await pia.GetStringAsync(progress);
        await RunAsync(pia, posted);
        var finished = await pia.GetStringAsync(progress);

        Assert.Equal("""{"state":"Queued","done":0,"total":2,"finished":false}""", queued);
        Assert.Equal("""{"state":"Succeeded","done":2,"total":2,"finished":true}""", finished);
    }

    [GeneratedRegex(@"^/admin/masterdata/import/(?<id>[0-9a-f-]{36})$", RegexOptions.IgnoreCase)]
    private static partial Regex ImportPath();

    [GeneratedRegex(@"href=""/admin/masterdata/import/(?<id>[0-9a-f-]{36})""", RegexOptions.IgnoreCase)]
    private static partial Regex ImportLink();

    [GeneratedRegex("""data-testid="import-rejected-row"><td>(?<line>\d+)</td><td>(?<column>[^<]*)</td><td>(?<reason>[^<]*)</td>""")]
    private static partial Regex RejectedRow();
}
