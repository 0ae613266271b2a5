using EcomErp.Application.Catalog.ImportSkus;
using EcomErp.Application.Imports;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ImportOpeningStock;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>Bulk imports of SKUs and opening stock on the real SQLite file with the demo catalog: all rows or none, every bad row reported.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static SkuImportRow Row(int line, string code, string name = "Polo", string price = "29.90", string cost = "11.00", string currency = "EUR",
        string weight = "210", string critical = "no", string substitutes = "") =>
        new(line, code, name, "POLO", "M", "Red", price, cost, currency, weight, critical, substitutes);

    private Task<Result<ImportResult>> ImportSkusAsync(params SkuImportRow[] rows) =>
        _host.SendAsync<ImportSkus, ImportResult>(new ImportSkus(Actors.Planner, "skus-1", rows));

    private Task<Result<ImportResult>> ImportStockAsync(string reference, params OpeningStockRow[] rows) =>
        _host.SendAsync<ImportOpeningStock, ImportResult>(new ImportOpeningStock(Actors.Planner, reference, rows));

    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
        $"{await db.Skus.CountAsync()}#{await db.Set<LedgerEntry>().CountAsync()}#{await db.OutboxMessages.CountAsync()}");

    [Fact]
    public async Task ImportSkus_AGoodFile_RegistersEveryRow_WithSubstitutesFromTheSameFileOrTheCatalog()
    {
        var imported = await ImportSkusAsync(
            Row(2, "POLO-M-RED", critical: "yes", substitutes: "POLO-M-BLU"),
            Row(3, "polo-m-blu", name: "Polo Blue", substitutes: "POLO-M-RED|TEE-CREW-M-BLK"));

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        Assert.Equal(2, imported.Value.Imported);
        var skus = await _host.WithDbAsync(db => db.Skus.AsNoTracking().Where(s => s.Style == "POLO").ToDictionaryAsync(s => s.Code.Value));
        Assert.Equal((true, 2990L, 1100L), (skus["POLO-M-RED"].IsCritical, skus["POLO-M-RED"].PriceMinor, skus["POLO-M-RED"].CostMinor));
        Assert.Equal(["POLO-M-RED", "TEE-CREW-M-BLK"], skus["POLO-M-BLU"].Substitutes.Select(s => s.Value));
    }

    [Fact]
    public async Task ImportSkus_WithBadRows_ReportsEachWithLineColumnAndReason_ImportsNothing_AndTheAuditRecordsTheRefusedImport()
    {
        var before = await StateAsync();

        var imported = await ImportSkusAsync(
            Row(2, "POLO-M-RED"),
            Row(3, "POLO-L-RED", price: "-1"),
            Row(4, "POLO-S-RED", weight: "heavy"),
            Row(5, "POLO-M-RED"));

        Assert.True(imported.IsFailure);
        Assert.Equal([(3, "price", CatalogErrors.SkuPriceInvalid), (4, "weight", ImportErrors.ValueUnreadable), (5, "code", ImportErrors.DuplicateRow)],
            imported.Errors.Select(e => (ImportRows.LineOf(e)!.Value.Line, ImportRows.LineOf(e)!.Value.Column, e.Code)));
        Assert.Equal("A price cannot be negative.", imported.Errors[0].Message);
        Assert.Equal(before, await StateAsync());
        var audit = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Command == nameof(ImportSkus)));
        Assert.Equal((AuditOutcome.Refused, ImportRows.AuditKind, "skus-1"), (audit.Outcome, audit.SubjectKind, audit.SubjectId));
        Assert.Contains(CatalogErrors.SkuPriceInvalid, audit.ErrorCodes);
    }

    [Fact]
    public async Task ImportSkus_ARowForASkuTheCatalogHas_OrAnUnknownSubstitute_IsRefused_SoReimportingAFileChangesNothing()
    {
        Assert.True((await ImportSkusAsync(Row(2, "POLO-M-RED"))).IsSuccess);
        var before = await StateAsync();

        var again = await ImportSkusAsync(Row(2, "POLO-M-RED"), Row(3, "POLO-M-BLU", substitutes: "NOPE-1"));

        Assert.Equal([(2, CatalogErrors.SkuAlreadyExists), (3, CatalogErrors.SkuSubstituteUnavailable)],
            again.Errors.Select(e => (ImportRows.LineOf(e)!.Value.Line, e.Code)));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task ImportOpeningStock_ReceivesEveryRowThroughTheLedger_WithTheImportAsReference_AndTheLedgerHolds()
    {
        Assert.True((await ImportSkusAsync(Row(2, "POLO-M-RED"), Row(3, "POLO-M-BLU"))).IsSuccess);

        var imported = await ImportStockAsync("stock-1",
            new OpeningStockRow(2, "POLO-M-RED", "WH-BERLIN", "40", ""),
            new OpeningStockRow(3, "POLO-M-RED", "wh-leeds", "5", "qualityhold"),
            new OpeningStockRow(4, "POLO-M-BLU", "WH-BERLIN", "12", "Available"));

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        var entries = await _host.WithDbAsync(db => db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Reference == "IMPORT:stock-1").ToListAsync());
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal((ReasonCodes.OpeningBalance, (StockBucket?)null), (e.ReasonCode, e.From)));
        Assert.Contains(entries, e => e.Sku.Value == "POLO-M-RED" && e.Location.Value == "WH-LEEDS" && e.To == StockBucket.QualityHold && e.Quantity == 5);
        Assert.True((await _host.QueryAsync<VerifyLedger, LedgerVerificationReport>(new VerifyLedger())).Value.Holds);
    }

    [Fact]
    public async Task ImportOpeningStock_WithBadRows_ReportsEachAndReceivesNothing_AndAStockedBalanceRefusesASecondImport()
    {
        Assert.True((await ImportSkusAsync(Row(2, "POLO-M-RED"))).IsSuccess);
        Assert.True((await ImportStockAsync("stock-1", new OpeningStockRow(2, "POLO-M-RED", "WH-BERLIN", "40", ""))).IsSuccess);
        var before = await StateAsync();

        var bad = await ImportStockAsync("stock-2",
            new OpeningStockRow(2, "POLO-M-RED", "WH-LEEDS", "0", ""),
            new OpeningStockRow(3, "NOPE-1", "WH-LEEDS", "3", ""),
            new OpeningStockRow(4, "POLO-M-RED", "WH-NOWHERE", "3", "Reserved"));

        Assert.Equal([(2, "quantity", CommonErrors.QuantityNotPositive), (3, "sku", InventoryErrors.UnknownSkuCode),
                (4, "location", InventoryErrors.UnknownLocationCode)],
            bad.Errors.Select(e => (ImportRows.LineOf(e)!.Value.Line, ImportRows.LineOf(e)!.Value.Column, e.Code)));
        var again = await ImportStockAsync("stock-3", new OpeningStockRow(2, "POLO-M-RED", "WH-BERLIN", "40", ""));
        Assert.Equal((2, InventoryErrors.OpeningStockRefusedCode), (ImportRows.LineOf(again.Error)!.Value.Line, again.Error.Code));
        Assert.Equal(before, await StateAsync());
    }
}
