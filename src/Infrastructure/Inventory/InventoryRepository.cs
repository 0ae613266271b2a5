using EcomErp.Application.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Inventory;

internal sealed class InventoryRepository(ErpDbContext db) : IInventoryRepository
{
    public async Task<IReadOnlyDictionary<SkuCode, InventoryBalance>> GetBalancesAsync(LocationCode location, IReadOnlyCollection<SkuCode> skus,
        CancellationToken cancellationToken)
    {
        var wanted = skus.Distinct().ToList();
        var balances = await db.Set<InventoryBalance>()
            .Where(b => b.Location == location && wanted.Contains(b.Sku))
            .ToDictionaryAsync(b => b.Sku, cancellationToken);
        foreach (var sku in wanted.Where(s => !balances.ContainsKey(s)))
        {
            var opened = InventoryBalance.Open(sku, location);
            db.Add(opened);
            balances.Add(sku, opened);
        }
        return balances;
    }

    public async Task<IReadOnlyDictionary<(SkuCode Sku, LocationCode Location), InventoryBalance>> FindBalancesAsync(
        IReadOnlyCollection<(SkuCode Sku, LocationCode Location)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return new Dictionary<(SkuCode, LocationCode), InventoryBalance>();
        // One query over the SKUs and locations named; an order's keys are (nearly) their cross product, so the few
        // extra rows cost less than a query per pair. Only the pairs asked for are returned.
        var skus = keys.Select(k => k.Sku).Distinct().ToList();
        var locations = keys.Select(k => k.Location).Distinct().ToList();
        var wanted = keys.ToHashSet();
        var found = await db.Set<InventoryBalance>()
            .Where(b => skus.Contains(b.Sku) && locations.Contains(b.Location))
            .ToListAsync(cancellationToken);
        return found.Where(b => wanted.Contains((b.Sku, b.Location))).ToDictionary(b => (b.Sku, b.Location));
    }

    public Task<PurchaseOrder?> GetPurchaseOrderAsync(PurchaseOrderId id, CancellationToken cancellationToken) =>
        db.Set<PurchaseOrder>().Include(o => o.Lines.OrderBy(l => l.LineNumber)).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public void Add(PurchaseOrder purchaseOrder) => db.Add(purchaseOrder);

    public Task<Transfer?> GetTransferAsync(TransferId id, CancellationToken cancellationToken) =>
        db.Set<Transfer>().Include(t => t.Lines.OrderBy(l => l.LineNumber)).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public void Add(Transfer transfer) => db.Add(transfer);

    public Task<StockAdjustment?> GetAdjustmentAsync(AdjustmentId id, CancellationToken cancellationToken) =>
        db.Set<StockAdjustment>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public void Add(StockAdjustment adjustment) => db.Add(adjustment);

    // A seek on the (Sku, Location) index of StockAdjustments; the period and status filter the few rows of one balance.
    // The system's adjustments (the demo's opening stock) are no one's decision that four eyes guards.
    public async Task<AdjustedBefore> GetAdjustedSinceAsync(SkuCode sku, LocationCode location, DateTimeOffset since, CancellationToken cancellationToken) =>
        AdjustedBefore.Of(await db.Set<StockAdjustment>().AsNoTracking()
            .Where(a => a.Sku == sku && a.Location == location && a.RequestedAt > since && a.Status != AdjustmentStatus.Rejected
                && a.RequestedBy != Actor.SystemId)
            .Select(a => new CountedAdjustment(a.Id.Value, a.QuantityChange, a.Status, a.RequestedBy, a.RequestedAt))
            .ToListAsync(cancellationToken));

    public Task<InspectionRequirement?> GetInspectionRequirementAsync(SkuCode sku, CancellationToken cancellationToken) =>
        db.Set<InspectionRequirement>().FirstOrDefaultAsync(r => r.Sku == sku, cancellationToken);

    public void Add(InspectionRequirement requirement) => db.Add(requirement);

    public async Task<IReadOnlySet<SkuCode>> FindSkusRequiringInspectionAsync(IReadOnlyCollection<SkuCode> skus, CancellationToken cancellationToken)
    {
        var wanted = skus.Distinct().ToList();
        var required = await db.Set<InspectionRequirement>().AsNoTracking()
            .Where(r => r.RequiresInspection && wanted.Contains(r.Sku)).Select(r => r.Sku).ToListAsync(cancellationToken);
        return required.ToHashSet();
    }
}

/// <summary>Reads balances and sums entries per bucket in the database, inside one transaction so both see the same commits.</summary>
internal sealed class LedgerReader(ErpDbContext db) : ILedgerReader
{
    public async Task<LedgerSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        // Serializable: the balances and the sums must come from the same commits (SQLite takes the write lock, SQL Server range locks).
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var balances = await db.Set<InventoryBalance>().AsNoTracking()
            .Select(b => new { b.Sku, b.Location, b.Available, b.Reserved, b.QualityHold, b.Damaged, b.ReturnsAwaitingInspection, b.InTransit, b.Inbound })
            .ToListAsync(cancellationToken);
        var entries = db.Set<LedgerEntry>().AsNoTracking();
        var into = await entries.Where(e => e.To != null)
            .GroupBy(e => new { e.Sku, e.Location, e.To })
            .Select(g => new { g.Key.Sku, g.Key.Location, Bucket = g.Key.To!.Value, Units = g.Sum(e => (long)e.Quantity) })
            .ToListAsync(cancellationToken);
        var outOf = await entries.Where(e => e.From != null)
            .GroupBy(e => new { e.Sku, e.Location, e.From })
            .Select(g => new { g.Key.Sku, g.Key.Location, Bucket = g.Key.From!.Value, Units = -g.Sum(e => (long)e.Quantity) })
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var totals = into.Concat(outOf)
            .GroupBy(t => (t.Sku, t.Location, t.Bucket))
            .Select(g => new BucketTotal(g.Key.Sku, g.Key.Location, g.Key.Bucket, g.Sum(t => t.Units)))
            .ToList();
        return new LedgerSnapshot(
            [.. balances.Select(b => (b.Sku, b.Location, new StockLevels(b.Available, b.Reserved, b.QualityHold, b.Damaged, b.ReturnsAwaitingInspection,
                b.InTransit, b.Inbound)))],
            totals);
    }
}
