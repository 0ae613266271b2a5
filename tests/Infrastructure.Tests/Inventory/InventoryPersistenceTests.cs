using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Inventory;

public sealed class InventoryPersistenceTests
{
    private static readonly SkuCode Tee = SkuCode.Of("TEE-CREW-M-BLK");
    private static readonly LocationCode Berlin = LocationCode.Of("WH-BERLIN");
    private static readonly Actor Warehouse = Actors.Warehouse;

    [Fact]
    public async Task ABalanceChange_IsSavedWithItsLedgerEntryAndOutboxRow_InOneSave()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);

        await StockAsync(database, 12);

        var (balance, entries, outbox) = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.Set<InventoryBalance>().AsNoTracking().SingleAsync(),
                await db.Set<LedgerEntry>().AsNoTracking().ToListAsync(),
                await db.OutboxMessages.AsNoTracking().Where(m => m.AggregateType == nameof(InventoryBalance)).ToListAsync());
        });
        Assert.Equal((12, 1), (balance.Available, balance.Version));
        var entry = Assert.Single(entries);
        Assert.Equal((Tee, Berlin, 1, (StockBucket?)null, (StockBucket?)StockBucket.Available, 12, ReasonCodes.Found),
            (entry.Sku, entry.Location, entry.Number, entry.From, entry.To, entry.Quantity, entry.ReasonCode));
        var message = Assert.Single(outbox);
        Assert.Equal(("TEE-CREW-M-BLK/WH-BERLIN", 1, nameof(StockReceived)), (message.AggregateId, message.AggregateVersion, message.EventType));
        Assert.Equal(12, Assert.IsType<StockReceived>(message.ToDomainEvent()).Levels.Available);
    }

    [Fact]
    public async Task TwoScopesReservingFromTheSameBalance_TheSecondSaveIsAConflictAndWritesNothing()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await StockAsync(database, 3);
        await using var first = database.Scope();
        await using var second = database.Scope();
        var mine = (await first.ServiceProvider.GetRequiredService<IInventoryRepository>().GetBalancesAsync(Berlin, [Tee], default))[Tee];
        var theirs = (await second.ServiceProvider.GetRequiredService<IInventoryRepository>().GetBalancesAsync(Berlin, [Tee], default))[Tee];

        Assert.True(mine.Reserve(Quantity.Of(3), Guid.CreateVersion7(), Actor.System, ErpTestHost.Start).IsSuccess);
        Assert.True(theirs.Reserve(Quantity.Of(3), Guid.CreateVersion7(), Actor.System, ErpTestHost.Start).IsSuccess);
        Assert.True((await first.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
        var secondSave = await second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);

        Assert.Equal(PersistenceErrors.ConcurrencyConflict, secondSave.Error.Code);
        Assert.Contains(nameof(InventoryBalance), secondSave.Error.Message, StringComparison.Ordinal);
        var (stored, entries, events) = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.Set<InventoryBalance>().AsNoTracking().SingleAsync(), await db.Set<LedgerEntry>().CountAsync(),
                await db.OutboxMessages.CountAsync(m => m.EventType == nameof(StockReserved)));
        });
        Assert.Equal((0, 3, 2), (stored.Available, stored.Reserved, stored.Version));
        Assert.Equal((2, 1), (entries, events));
    }

    [Fact]
    public async Task APurchaseOrder_RoundTripsWithItsLinesAndEtas()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var eta = new DateOnly(2026, 3, 20);
        var planner = Actors.Planner;
        var order = PurchaseOrder.Create(SupplierCode.Of("TEXTIL-PORTO"), Berlin,
            [new PurchaseOrderLineDraft(Tee, Quantity.Of(30), eta), new PurchaseOrderLineDraft(SkuCode.Of("TEE-CREW-L-BLK"), Quantity.Of(10), eta.AddDays(3))],
            planner, ErpTestHost.Start).Value;
        await database.InScopeAsync(async sp =>
        {
            var inventory = sp.GetRequiredService<IInventoryRepository>();
            inventory.Add(order);
            Assert.True(order.Confirm(await inventory.GetBalancesAsync(Berlin, [.. order.Lines.Select(l => l.Sku)], default), planner, ErpTestHost.Start).IsSuccess);
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
        });

        var stored = await database.InScopeAsync(sp => sp.GetRequiredService<IInventoryRepository>().GetPurchaseOrderAsync(order.Id, default));

        Assert.Equal((PurchaseOrderStatus.Confirmed, "TEXTIL-PORTO", 2), (stored!.Status, stored.Supplier.Value, stored.Version));
        Assert.Equal([(1, 30, 30, eta), (2, 10, 10, eta.AddDays(3))], stored.Lines.Select(l => (l.LineNumber, l.OrderedQuantity, l.OutstandingQuantity, l.ExpectedOn)));
        Assert.True(await LedgerHoldsAsync(database));
    }

    [Fact]
    public async Task VerifyLedger_FindsABalanceChangedBehindTheLedgersBack()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await StockAsync(database, 5);
        Assert.True(await LedgerHoldsAsync(database));

        await database.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE InventoryBalances SET Available = Available + 2, Damaged = -1"));

        var report = await VerifyAsync(database);
        Assert.Equal(
            [new LedgerMismatch("TEE-CREW-M-BLK", "WH-BERLIN", StockBucket.Available, 7, 5), new LedgerMismatch("TEE-CREW-M-BLK", "WH-BERLIN", StockBucket.Damaged, -1, 0)],
            report.Mismatches);
    }

    [Fact]
    public async Task DemoSeed_RunTwice_AddsTheStockOnce_WithZeroLowAndInboundBalances()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { SeedDemoData = true });
        var afterFirst = await CountsAsync(database);

        await database.Services.InitializeDatabaseAsync();

        Assert.Equal(afterFirst, await CountsAsync(database));
        Assert.Equal(600, afterFirst.Balances);
        Assert.Equal(3, afterFirst.PurchaseOrders);
        var levels = await database.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryBalance>().AsNoTracking()
            .Select(b => new { b.Available, b.Inbound, b.SafetyStock }).ToListAsync());
        Assert.Contains(levels, l => l.Available == 0);
        Assert.Contains(levels, l => l.Available is > 0 and < 5);
        Assert.Contains(levels, l => l.Available > 40 && l.SafetyStock > 0);
        Assert.Contains(levels, l => l.Inbound > 0);
        Assert.True(await LedgerHoldsAsync(database));
    }

    private static Task StockAsync(ErpTestHost database, int quantity) => database.InScopeAsync(async sp =>
    {
        var inventory = sp.GetRequiredService<IInventoryRepository>();
        var balance = (await inventory.GetBalancesAsync(Berlin, [Tee], default))[Tee];
        inventory.Add(StockAdjustment.Request(balance, quantity, ReasonCodes.Found, null, AdjustmentApprovalLimit.None, Warehouse, ErpTestHost.Start).Value);
        Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
    });

    private static Task<LedgerVerificationReport> VerifyAsync(ErpTestHost database) => database.InScopeAsync(async sp =>
        (await sp.GetRequiredService<IQueryHandler<VerifyLedger, LedgerVerificationReport>>().HandleAsync(new VerifyLedger(), default)).Value);

    private static async Task<bool> LedgerHoldsAsync(ErpTestHost database) => (await VerifyAsync(database)).Holds;

    private static Task<(int Balances, int Entries, int PurchaseOrders, int Adjustments, int Inspections)> CountsAsync(ErpTestHost database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.Set<InventoryBalance>().CountAsync(), await db.Set<LedgerEntry>().CountAsync(), await db.Set<PurchaseOrder>().CountAsync(),
                await db.Set<StockAdjustment>().CountAsync(), await db.Set<InspectionRequirement>().CountAsync());
        });
}
