using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// Stock moved on a balance; one event per ledger entry, with the balance's levels after it so a consumer
/// needs no lookup. The concrete type says what kind of move it was.
/// </summary>
public abstract record StockLedgerEvent : IDomainEvent
{
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public StockBucket? From { get; init; }
    public StockBucket? To { get; init; }
    public int Quantity { get; init; }
    public string ReasonCode { get; init; } = "";
    public string Reference { get; init; } = "";
    public string ActorId { get; init; } = "";
    public StockLevels Levels { get; init; } = StockLevels.Empty;
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The channel of the order behind a reservation move (reserve, release, ship, short pick); null for other moves.</summary>
    public string? Channel { get; init; }
}

/// <summary>Stock came in from outside the ledger (a receipt, a confirmed purchase order, a positive adjustment).</summary>
public sealed record StockReceived : StockLedgerEvent;

/// <summary>Stock moved between two buckets of one balance.</summary>
public sealed record StockMoved : StockLedgerEvent;

/// <summary>Stock left the ledger (a write-off, a negative adjustment, a transfer shipped away, a short close).</summary>
public sealed record StockRemoved : StockLedgerEvent;

public sealed record StockReserved : StockLedgerEvent;

public sealed record StockReservationReleased : StockLedgerEvent;

/// <summary>Reserved stock left with a shipment.</summary>
public sealed record ReservedStockShipped : StockLedgerEvent;

public sealed record SafetyStockSet(string Sku, string Location, int SafetyStock, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CycleCountRecorded(string Sku, string Location, int CountedQuantity, int AvailableBefore, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;

public sealed record PurchaseOrderLineSnapshot(int LineNumber, string Sku, int OrderedQuantity, int ReceivedQuantity, DateOnly ExpectedOn);

public sealed record PurchaseOrderCreated(
    Guid PurchaseOrderId, string Supplier, string Location, IReadOnlyList<PurchaseOrderLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;

public sealed record PurchaseOrderConfirmed(Guid PurchaseOrderId, string Location, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PurchaseOrderGoodsReceived(
    Guid PurchaseOrderId, string Location, PurchaseOrderStatus Status, IReadOnlyList<PurchaseOrderLineSnapshot> Lines, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PurchaseOrderCancelled(Guid PurchaseOrderId, string Location, string Reason, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TransferLineSnapshot(int LineNumber, string Sku, int ShippedQuantity, int ReceivedQuantity, int DiscrepancyQuantity);

public sealed record TransferShipped(
    Guid TransferId, string FromLocation, string ToLocation, IReadOnlyList<TransferLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;

public sealed record TransferReceived(
    Guid TransferId, string FromLocation, string ToLocation, IReadOnlyList<TransferLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;

public sealed record StockAdjustmentRequested(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, AdjustmentStatus Status, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record StockAdjustmentApproved(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, string RequestedBy, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record InspectionRequirementChanged(string Sku, bool RequiresInspection, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
