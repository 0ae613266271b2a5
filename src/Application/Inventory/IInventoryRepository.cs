using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory;

/// <summary>Loads and adds the ledger's aggregates. <see cref="Abstractions.IUnitOfWork"/> saves them, entries and events together.</summary>
public interface IInventoryRepository
{
    /// <summary>
    /// The balances of <paramref name="skus"/> at <paramref name="location"/>, tracked. A missing one is opened
    /// empty and added, so the save inserts it with its first change.
    /// </summary>
    Task<IReadOnlyDictionary<SkuCode, InventoryBalance>> GetBalancesAsync(LocationCode location, IReadOnlyCollection<SkuCode> skus,
        CancellationToken cancellationToken);

    /// <summary>
    /// The existing balances among <paramref name="keys"/>, tracked, read in one query (a pair without a balance row is
    /// absent: reading opens nothing). Orders reserve, release and consume on these.
    /// </summary>
    Task<IReadOnlyDictionary<(SkuCode Sku, LocationCode Location), InventoryBalance>> FindBalancesAsync(
        IReadOnlyCollection<(SkuCode Sku, LocationCode Location)> keys, CancellationToken cancellationToken);

    Task<PurchaseOrder?> GetPurchaseOrderAsync(PurchaseOrderId id, CancellationToken cancellationToken);

    void Add(PurchaseOrder purchaseOrder);

    Task<Transfer?> GetTransferAsync(TransferId id, CancellationToken cancellationToken);

    void Add(Transfer transfer);

    Task<StockAdjustment?> GetAdjustmentAsync(AdjustmentId id, CancellationToken cancellationToken);

    void Add(StockAdjustment adjustment);

    /// <summary>
    /// The adjustments of <paramref name="sku"/> at <paramref name="location"/> requested after <paramref name="since"/> that count
    /// against the approval threshold (decision 071): applied or waiting for approval, by anybody but the system.
    /// </summary>
    Task<AdjustedBefore> GetAdjustedSinceAsync(SkuCode sku, LocationCode location, DateTimeOffset since, CancellationToken cancellationToken);

    Task<InspectionRequirement?> GetInspectionRequirementAsync(SkuCode sku, CancellationToken cancellationToken);

    void Add(InspectionRequirement requirement);

    /// <summary>Those of <paramref name="skus"/> whose receipts go to QualityHold.</summary>
    Task<IReadOnlySet<SkuCode>> FindSkusRequiringInspectionAsync(IReadOnlyCollection<SkuCode> skus, CancellationToken cancellationToken);
}

/// <summary>Every balance's levels and, per balance and bucket, the net of its entries (units in minus units out), read together.</summary>
public sealed record LedgerSnapshot(IReadOnlyList<(SkuCode Sku, LocationCode Location, StockLevels Levels)> Balances, IReadOnlyList<BucketTotal> Totals);

/// <summary>Reads the whole ledger for verification; the totals are summed in the database.</summary>
public interface ILedgerReader
{
    /// <summary>Balances and totals from one consistent read, so a concurrent commit cannot show as a mismatch.</summary>
    Task<LedgerSnapshot> ReadAsync(CancellationToken cancellationToken);
}
