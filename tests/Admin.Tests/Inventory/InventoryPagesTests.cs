using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Inventory;

/// <summary>
/// The inventory pages over HTTP on the real host with the demo stock (2,000 units of TEE-CREW-M-BLK in every warehouse,
/// adjustments above 50 units wait for approval): each form as a browser posts it, its effect on the ledger, its refusals.
/// </summary>
public sealed partial class InventoryPagesTests : IDisposable
{
    private const string Password = "Inventory-Passw0rd!";
    private const string Sku = "TEE-CREW-M-BLK";
    private const string Warehouse = "WH-ROTTERDAM";
    private const string PositionPath = $"/admin/inventory/position/{Sku}";
    private const string AdjustmentsPath = "/admin/inventory/adjustments";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public InventoryPagesTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    /// <summary>Posts a form of <paramref name="path"/> as a browser does, then lets the host's background work (outbox, projections) run.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, bool withToken = true)
    {
        var response = await AdminPageSession.PostAsync(client, path, handler, fields, withToken);
        await _factory.RunBackgroundWorkAsync();
        return response;
    }

    private static Task<string> GetAsync(HttpClient client, string path) => client.GetStringAsync(new Uri(path, UriKind.Relative));

    private static Dictionary<string, string> Move(string location, string from, string to, string quantity, string reference = "") => new()
    {
        ["Move.Location"] = location, ["Move.From"] = from, ["Move.To"] = to, ["Move.Quantity"] = quantity, ["Move.Reference"] = reference,
    };

    private static Dictionary<string, string> Adjust(string location, string change, string reason, string note = "") => new()
    {
        ["Adjust.Location"] = location, ["Adjust.QuantityChange"] = change, ["Adjust.ReasonCode"] = reason, ["Adjust.Note"] = note,
    };

    private async Task<StockLevels> LevelsAsync(string location = Warehouse)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var balances = await scope.ServiceProvider.GetRequiredService<IInventoryRepository>()
            .FindBalancesAsync([(SkuCode.Of(Sku), LocationCode.Of(location))], CancellationToken.None);
        return balances.Single().Value.Levels;
    }

    private async Task<int> LedgerEntriesAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<LedgerEntry>().CountAsync();
    }

    private async Task<int> AdjustmentsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<StockAdjustment>().CountAsync();
    }

    private async Task AssertLedgerHoldsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IQueryHandler<VerifyLedger, LedgerVerificationReport>>()
            .HandleAsync(new VerifyLedger(), CancellationToken.None);
        Assert.True(report.Value.Holds, string.Join("; ", report.Value.Mismatches));
    }

    private static string Cell(string page, string location, StockBucket bucket) =>
        Regex.Match(page, $"""data-testid="location-{location}".*?data-testid="bucket-{bucket}">(?<units>\d+)<""", RegexOptions.Singleline).Groups["units"].Value;

    private static string Units(int units) => units.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string FieldError(string html, string field) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"""data-valmsg-for="{Regex.Escape(field)}"[^>]*>(?<text>[^<]*)<""").Groups["text"].Value);

    [Fact]
    public async Task AWarehouseManager_MovesStockToQualityHold_ThePageRedirects_AndShowsTheBucketsAndTheLedgerEntry()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var before = await LevelsAsync();

        using var moved = await PostAsync(wim, PositionPath, "Move", Move(Warehouse, "Available", "QualityHold", "7", "Torn seams, lot 42"));
        var page = await GetAsync(wim, PositionPath);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(PositionPath, moved.Headers.Location?.OriginalString, ignoreCase: true);
        Assert.Contains("7 moved from Available to QualityHold at WH-ROTTERDAM.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal((before.Available - 7).ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(page, Warehouse, StockBucket.Available));
        Assert.Equal((before.QualityHold + 7).ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(page, Warehouse, StockBucket.QualityHold));
        Assert.Contains("Torn seams, lot 42", Regex.Match(page, """data-testid="recent-ledger">.*?</table>""", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Equal(before with { Available = before.Available - 7, QualityHold = before.QualityHold + 7 }, await LevelsAsync());
        await AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task AnAdjustmentUnderTheThreshold_AppliesAtOnce_AndOneOverIt_SaysItWaitsForApproval_AndMovesNoStock()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var before = await LevelsAsync();

        // Small first: the large one pending would count against it within the approval period (decision 071).
        using var small = await PostAsync(wim, PositionPath, "Adjust", Adjust(Warehouse, "3", ReasonCodes.Found));
        var afterSmall = WebUtility.HtmlDecode(await GetAsync(wim, PositionPath));
        using var large = await PostAsync(wim, PositionPath, "Adjust", Adjust(Warehouse, "-60", ReasonCodes.Lost, "Pallet missing"));
        var afterLarge = WebUtility.HtmlDecode(await GetAsync(wim, PositionPath));

        Assert.Equal(HttpStatusCode.Redirect, small.StatusCode);
        Assert.Contains("The adjustment of +3 (FOUND) is applied at WH-ROTTERDAM.", afterSmall, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, large.StatusCode);
        Assert.Contains($"The adjustment of -60 (LOST), with what was adjusted of {Sku} at WH-ROTTERDAM within the approval period, is over the approval "
            + "threshold: it waits for an operations manager to approve it, and no stock moved yet.", afterLarge, StringComparison.Ordinal);
        Assert.Equal(before.Available + 3, (await LevelsAsync()).Available);
        await AssertLedgerHoldsAsync();
    }

    [Theory]
    [InlineData("WH-ROTTERDAM", "Available", "QualityHold", "", "Move.Quantity", "Say how many units move.")]
    [InlineData("WH-ROTTERDAM", "Available", "QualityHold", "0", "Move.Quantity", "")]
    [InlineData("WH-ROTTERDAM", "Available", "QualityHold", "999999", "Move.Quantity", "")]
    [InlineData("WH-ROTTERDAM", "Damaged", "Available", "1", "Move.To", "Stock does not move from Damaged to Available by hand.")]
    [InlineData("", "Available", "QualityHold", "1", "Move.Location", "")]
    [InlineData("WH-NOWHERE", "Available", "QualityHold", "1", "Move.Location", "")]
    public async Task ABadMove_ComesBackWithItsMessageBesideTheField_KeepsWhatWasTyped_AndChangesNothing(
        string location, string from, string to, string quantity, string field, string message)
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var entries = await LedgerEntriesAsync();

        using var posted = await PostAsync(wim, PositionPath, "Move", Move(location, from, to, quantity, "Typed with care"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var error = FieldError(html, field);
        Assert.NotEmpty(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("(INVENTORY_", error, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed with care\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{quantity}\"", html, StringComparison.Ordinal);
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task AnAdjustmentWithoutAReason_ComesBackWithTheMessageBesideTheReason_AndRecordsNothing()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var adjustments = await AdjustmentsAsync();

        using var posted = await PostAsync(wim, PositionPath, "Adjust", Adjust(Warehouse, "5", "", "Found behind the rack"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("An adjustment needs a reason code.", FieldError(html, "Adjust.ReasonCode"));
        Assert.Contains("value=\"Found behind the rack\"", html, StringComparison.Ordinal);
        Assert.Equal(adjustments, await AdjustmentsAsync());
    }

    [Fact]
    public async Task ALossOfMoreThanTheLocationHolds_ComesBackWithTheShortfallBesideTheChange_AndQueuesNothingForApproval()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var before = await LevelsAsync();
        var adjustments = await AdjustmentsAsync();
        var loss = before.Available + 1000;

        using var posted = await PostAsync(wim, PositionPath, "Adjust", Adjust(Warehouse, $"-{Units(loss)}", ReasonCodes.Lost, "Pallet missing"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal($"{Warehouse} holds {Units(before.Available)} of {Sku} in Available; {Units(loss)} cannot be taken from it.",
            FieldError(html, "Adjust.QuantityChange"));
        Assert.Contains("value=\"Pallet missing\"", html, StringComparison.Ordinal);
        Assert.Equal((adjustments, before), (await AdjustmentsAsync(), await LevelsAsync()));
    }

    [Fact]
    public async Task ACycleCountThatDiffers_BooksACountCorrection_AndACountOverTheThreshold_WaitsForApproval()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        // Units on quality hold stand on the shelves too: the count takes them in (decision 091).
        using var held = await PostAsync(wim, PositionPath, "Move", Move(Warehouse, "Available", "QualityHold", "3", "Count check"));
        var before = await LevelsAsync();

        using var matched = await PostAsync(wim, PositionPath, "Count", new() { ["Count.Location"] = Warehouse, ["Count.CountedQuantity"] = Units(before.OnHand()) });
        var afterMatched = WebUtility.HtmlDecode(await GetAsync(wim, PositionPath));
        using var small = await PostAsync(wim, PositionPath, "Count", new() { ["Count.Location"] = Warehouse, ["Count.CountedQuantity"] = Units(before.OnHand() - 2) });
        var afterSmall = WebUtility.HtmlDecode(await GetAsync(wim, PositionPath));
        using var large = await PostAsync(wim, PositionPath, "Count", new() { ["Count.Location"] = Warehouse, ["Count.CountedQuantity"] = Units(before.OnHand() - 100) });
        var afterLarge = WebUtility.HtmlDecode(await GetAsync(wim, PositionPath));
        using var beyond = await PostAsync(wim, PositionPath, "Count",
            new() { ["Count.Location"] = Warehouse, ["Count.CountedQuantity"] = Units(before.OnHand() - before.Available - 1) });
        var afterBeyond = WebUtility.HtmlDecode(await GetAsync(wim, PositionPath));
        using var bad = await PostAsync(wim, PositionPath, "Count", new() { ["Count.Location"] = Warehouse, ["Count.CountedQuantity"] = "-1" });

        Assert.True(before.QualityHold >= 3);
        Assert.Contains($"Count of {Sku} at {Warehouse} recorded: it matches the {before.OnHand()} units on hand.", afterMatched, StringComparison.Ordinal);
        Assert.Contains(EcomErp.Admin.Areas.Admin.Pages.Inventory.PositionModel.CountHint, afterMatched, StringComparison.Ordinal);
        Assert.Equal(Units(before.OnHand()), Regex.Match(afterMatched, $"""data-testid="location-{Warehouse}".*?data-testid="on-hand">(?<units>\d+)<""",
            RegexOptions.Singleline).Groups["units"].Value);
        Assert.Equal(HttpStatusCode.Redirect, small.StatusCode);
        Assert.Contains("The adjustment of -2 (COUNT_CORRECTION) is applied at WH-ROTTERDAM.", afterSmall, StringComparison.Ordinal);
        Assert.Equal(Units(before.Available - 2), Cell(afterSmall, Warehouse, StockBucket.Available));
        Assert.Contains("The adjustment of -98 (COUNT_CORRECTION), with what was adjusted", afterLarge, StringComparison.Ordinal);
        Assert.Contains($"The adjustment of -{before.Available - 2} (COUNT_CORRECTION), with what was adjusted", afterBeyond, StringComparison.Ordinal);
        Assert.Contains("1 missing unit was not in Available (reserved or picked for orders, held, damaged or awaiting inspection)", afterBeyond,
            StringComparison.Ordinal);
        Assert.Equal(before with { Available = before.Available - 2 }, await LevelsAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotEmpty(FieldError(await bad.Content.ReadAsStringAsync(), "Count.CountedQuantity"));
        await AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task APlanner_SetsSafetyStockInline_AndABadValueComesBackBesideItsLocation()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var set = await PostAsync(pia, PositionPath, "SafetyStock", new() { ["Safety.Location"] = Warehouse, ["Safety.SafetyStock"] = "250" });
        var page = await GetAsync(pia, PositionPath);
        using var bad = await PostAsync(pia, PositionPath, "SafetyStock", new() { ["Safety.Location"] = Warehouse, ["Safety.SafetyStock"] = "-4" });
        var badHtml = await bad.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("Safety stock at WH-ROTTERDAM is now 250.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Matches("""id="safety-WH-ROTTERDAM" name="Safety.SafetyStock"\s+value="250" """.TrimEnd(), page);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Safety stock is 0 to", FieldError(badHtml, "Safety.SafetyStock"), StringComparison.Ordinal);
        Assert.Matches("""id="safety-WH-ROTTERDAM" name="Safety.SafetyStock"\s+value="-4" """.TrimEnd(), badHtml);
        Assert.DoesNotContain("handler=Move", page, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var balance = (await scope.ServiceProvider.GetRequiredService<IInventoryRepository>()
            .FindBalancesAsync([(SkuCode.Of(Sku), LocationCode.Of(Warehouse))], CancellationToken.None)).Single().Value;
        Assert.Equal(250, balance.SafetyStock);
    }

    [Fact]
    public async Task AFinanceReader_SeesThePositionWithoutForms_AndIsRefusedWhenPostingAMoveOrSafetyStock()
    {
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        var entries = await LedgerEntriesAsync();

        var page = await GetAsync(fay, PositionPath);
        using var move = await PostAsync(fay, PositionPath, "Move", Move(Warehouse, "Available", "QualityHold", "1"));
        using var safety = await PostAsync(fay, PositionPath, "SafetyStock", new() { ["Safety.Location"] = Warehouse, ["Safety.SafetyStock"] = "1" });

        Assert.Contains("data-testid=\"buckets\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=", page, StringComparison.Ordinal);
        foreach (var refused in new[] { move, safety })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, refused.Headers.Location!).AbsolutePath);
        }
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task CustomerService_IsDeniedTheInventoryPages_AndAPostWithoutAnAntiforgeryToken_IsRejected()
    {
        using var cleo = await _session.SignedInAsync("cleo@ecomerp.local", Roles.CustomerService);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var entries = await LedgerEntriesAsync();

        foreach (var path in new[] { "/admin/inventory", PositionPath, "/admin/inventory/ledger", AdjustmentsPath })
        {
            using var denied = await cleo.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, denied.Headers.Location!).AbsolutePath);
        }
        using var forged = await PostAsync(wim, PositionPath, "Move", Move(Warehouse, "Available", "QualityHold", "1"), withToken: false);
        using var forgedDecision = await PostAsync(wim, AdjustmentsPath, "Approve", new() { ["Input.AdjustmentId"] = Guid.NewGuid().ToString() }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedDecision.StatusCode);
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task AnUnknownSku_IsNotFound()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);

        using var response = await wim.GetAsync(new Uri("/admin/inventory/position/NO-SUCH-SKU", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Requests an adjustment above the threshold through the admin as <paramref name="requester"/> and returns its id.</summary>
    private async Task<Guid> RequestLargeAdjustmentAsync(HttpClient requester, int change)
    {
        using var posted = await PostAsync(requester, PositionPath, "Adjust", Adjust(Warehouse, change.ToString(System.Globalization.CultureInfo.InvariantCulture),
            change > 0 ? ReasonCodes.Found : ReasonCodes.Lost, "Counted twice"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return Guid.Parse(PendingRow().Match(await GetAsync(requester, AdjustmentsPath)).Groups["id"].Value);
    }

    [Fact]
    public async Task TheRequester_CannotApproveTheirOwnAdjustment_ASecondOperationsManagerApprovesIt_AndTheStockMoves()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        var id = await RequestLargeAdjustmentAsync(ada, 80);
        var before = await LevelsAsync();

        var adasInbox = await GetAsync(ada, AdjustmentsPath);
        using var self = await PostAsync(ada, AdjustmentsPath, "Approve", new() { ["Input.AdjustmentId"] = id.ToString() });
        var selfHtml = WebUtility.HtmlDecode(await self.Content.ReadAsStringAsync());
        var afterSelf = await LevelsAsync();
        var olgasInbox = await GetAsync(olga, AdjustmentsPath);
        using var approved = await PostAsync(olga, AdjustmentsPath, "Approve", new() { ["Input.AdjustmentId"] = id.ToString() });
        var after = WebUtility.HtmlDecode(await GetAsync(olga, AdjustmentsPath));

        Assert.Contains("data-testid=\"own-request\"", Regex.Match(adasInbox, $"""data-testid="pending-{id}".*?</tr>""", RegexOptions.Singleline).Value,
            StringComparison.Ordinal);
        Assert.Contains("ada@ecomerp.local", Regex.Match(olgasInbox, $"""data-testid="pending-{id}".*?</tr>""", RegexOptions.Singleline).Value,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("A second person must approve an adjustment you requested (four eyes).", selfHtml, StringComparison.Ordinal);
        Assert.Equal(before, afterSelf);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("is approved and applied.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-pending\"", after, StringComparison.Ordinal);
        Assert.Matches("""Applied\s*<small>approved by olga@ecomerp.local</small>""", after);
        Assert.Equal(before.Available + 80, (await LevelsAsync()).Available);
        await AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task RejectingWithoutAReason_ShowsTheMessageBesideTheReason_AndWithOne_RefusesTheAdjustment_AndNoStockMoves()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        var id = await RequestLargeAdjustmentAsync(wim, -70);
        var before = await LevelsAsync();

        using var empty = await PostAsync(olga, AdjustmentsPath, "Reject", new() { ["Input.AdjustmentId"] = id.ToString(), ["Input.Reason"] = " " });
        using var rejected = await PostAsync(olga, AdjustmentsPath, "Reject", new() { ["Input.AdjustmentId"] = id.ToString(), ["Input.Reason"] = "Recount first." });
        var after = WebUtility.HtmlDecode(await GetAsync(olga, AdjustmentsPath));
        using var warehouseDecides = await PostAsync(wim, AdjustmentsPath, "Approve", new() { ["Input.AdjustmentId"] = id.ToString() });

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotEmpty(FieldError(await empty.Content.ReadAsStringAsync(), "Input.Reason"));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("The adjustment is rejected; no stock moved.", after, StringComparison.Ordinal);
        Assert.Contains("rejected by olga@ecomerp.local: Recount first.", after, StringComparison.Ordinal);
        Assert.Equal(before, await LevelsAsync());
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, warehouseDecides.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task ThePositionsList_FiltersBySearchAndBelowSafetyStock_InTheQueryString_AndPages()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        await PostAsync(pia, PositionPath, "SafetyStock", new() { ["Safety.Location"] = Warehouse, ["Safety.SafetyStock"] = "5000" });

        var searched = await GetAsync(pia, "/admin/inventory?q=tee-crew");
        var below = await GetAsync(pia, $"/admin/inventory?location={Warehouse}&below=true");
        var first = await GetAsync(pia, "/admin/inventory");
        var next = WebUtility.HtmlDecode(Regex.Match(first, """<a(?=[^>]*data-testid="positions-next")[^>]*href="(?<href>[^"]+)""").Groups["href"].Value);
        var second = await GetAsync(pia, next);

        var searchedSkus = PositionRow().Matches(searched).Select(m => m.Groups["sku"].Value).ToList();
        Assert.NotEmpty(searchedSkus);
        Assert.All(searchedSkus, sku => Assert.StartsWith("TEE-CREW-", sku, StringComparison.Ordinal));
        Assert.Contains($"data-testid=\"position-{Sku}\"", below, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"position-TEE-CREW-L-WHT\"", below, StringComparison.Ordinal);
        var firstSkus = PositionRow().Matches(first).Select(m => m.Groups["sku"].Value).ToList();
        var secondSkus = PositionRow().Matches(second).Select(m => m.Groups["sku"].Value).ToList();
        Assert.Equal(EcomErp.Admin.Areas.Admin.Pages.Inventory.IndexModel.PageSize, firstSkus.Count);
        Assert.Equal(firstSkus.Order(StringComparer.Ordinal), firstSkus);
        Assert.True(string.CompareOrdinal(firstSkus[^1], secondSkus[0]) < 0);
        Assert.Contains($"href=\"/admin/Inventory/Position/{Sku}\"", searched, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheLedger_FiltersByReasonBucketAndReferenceInTheQueryString_AndAnUnknownSkuOrABadDateSaysSo()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        for (var i = 0; i < 3; i++)
            await PostAsync(wim, PositionPath, "Move", Move(Warehouse, "Available", "QualityHold", "1", $"hold {i}"));

        var held = await GetAsync(wim, $"/admin/inventory/ledger?sku={Sku}&reason={ReasonCodes.QualityHoldPlaced}");
        var oneReference = await GetAsync(wim, $"/admin/inventory/ledger?sku={Sku}&bucket=QualityHold&reference=hold%201");
        var damaged = await GetAsync(wim, $"/admin/inventory/ledger?sku={Sku}&bucket=Damaged");
        var unknownSku = WebUtility.HtmlDecode(await GetAsync(wim, "/admin/inventory/ledger?sku=NO-SUCH-SKU"));
        var badDate = await GetAsync(wim, $"/admin/inventory/ledger?sku={Sku}&from=yesterday");

        Assert.Equal(3, Regex.Count(held, """data-testid="ledger-reason">QUALITY_HOLD_PLACED<"""));
        Assert.Contains("3 entries.", held, StringComparison.Ordinal);
        Assert.Contains("1 entry.", oneReference, StringComparison.Ordinal);
        Assert.Contains(">hold 1<", oneReference, StringComparison.Ordinal);
        Assert.Contains("0 entries.", damaged, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ledger-problem\"", unknownSku, StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-SKU", unknownSku, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ledger-problem\"", badDate, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"data-testid=""pending-(?<id>[0-9a-f-]{36})""")]
    private static partial Regex PendingRow();

    [GeneratedRegex(@"data-testid=""position-(?<sku>[A-Z0-9-]+)""")]
    private static partial Regex PositionRow();
}
