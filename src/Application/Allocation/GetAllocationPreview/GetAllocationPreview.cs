using EcomErp.Application.Allocation;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation.GetAllocationPreview;

/// <summary>
/// A dry run of allocation: what would route where, for an existing order (<see cref="OrderId"/>: its units not yet
/// allocated) or for an unsaved one (<see cref="Order"/>), exactly one of the two. Stock comes from the inventory
/// position read model; nothing is reserved and nothing is written. <see cref="VisibleChannels"/> is the caller's
/// channel restriction (null: every channel): an order or channel outside it is not found.
/// </summary>
public sealed record GetAllocationPreview(Guid? OrderId, AllocationPreviewOrder? Order, IReadOnlyCollection<string>? VisibleChannels = null);

/// <summary>An order that is not saved: enough of it to plan. Priority defaults from the service level, as on capture.</summary>
public sealed record AllocationPreviewOrder(
    string Channel,
    IReadOnlyList<AllocationPreviewOrderLine> Lines,
    string ShipToCountry,
    string? ShipToRegion = null,
    ServiceLevel ServiceLevel = ServiceLevel.Standard,
    OrderPriority? Priority = null);

public sealed record AllocationPreviewOrderLine(string Sku, int Quantity);

/// <summary>What the dry run found for the order as a whole.</summary>
public enum AllocationPreviewStatus
{
    /// <summary>Every unit to plan can be allocated.</summary>
    Complete = 0,

    /// <summary>Some units can be allocated; the rest would be backordered.</summary>
    Partial = 1,

    /// <summary>No unit can be allocated now; all would be backordered.</summary>
    Backordered = 2,

    /// <summary>Some units can be neither allocated nor backordered: allocating would place an InventoryShortfall hold.</summary>
    Short = 3,

    /// <summary>The order has no unit left to allocate (all allocated already, or it is cancelled); the summary says which.</summary>
    NothingToAllocate = 4,
}

/// <summary>
/// The dry run's answer. <see cref="Summary"/> says in one sentence what it means (and why nothing was planned, when
/// nothing was). <see cref="EstimatedSplitCost"/> is null when nothing was planned. <see cref="StockAsOfSequence"/> is the
/// newest outbox sequence of the inventory positions the plan used (0 when none had stock recorded).
/// </summary>
public sealed record AllocationPreviewView(
    Guid? OrderId,
    string Channel,
    AllocationPreviewStatus Status,
    string Summary,
    string ShipToCountry,
    string? ShipToRegion,
    ServiceLevel ServiceLevel,
    OrderPriority Priority,
    IReadOnlyList<AllocationPreviewLineView> Lines,
    IReadOnlyList<AllocationPreviewShipmentView> Shipments,
    Money? EstimatedSplitCost,
    bool MayDrawOnSafetyStock,
    bool DrawsOnSafetyStock,
    long StockAsOfSequence)
{
    public int ShipmentCount => Shipments.Count;
}

/// <summary>
/// One order line: Ordered = AlreadyAllocated + Allocated + Backordered + Short (a cancelled order plans nothing). <see cref="DecidedBy"/> and
/// <see cref="ComparedWith"/> are null for a line with nothing left to plan.
/// </summary>
public sealed record AllocationPreviewLineView(
    int LineNumber,
    string Sku,
    string? Substitute,
    int Ordered,
    int AlreadyAllocated,
    int Allocated,
    int Backordered,
    int Short,
    IReadOnlyList<AllocationPreviewAllocationView> Allocations,
    AllocationReason? DecidedBy,
    string? ComparedWith,
    string Explanation);

/// <summary>Units of a line from one location; <see cref="SafetyStockUnits"/> of them come out of the location's safety stock.</summary>
public sealed record AllocationPreviewAllocationView(string Location, string Sku, int Quantity, bool FromAlternateLocation, int SafetyStockUnits);

/// <summary>One shipment: a location and what it would ship, in the order the planner chose the locations.</summary>
public sealed record AllocationPreviewShipmentView(string Location, bool FromAlternateLocation, IReadOnlyList<AllocationPreviewShipmentLineView> Lines);

public sealed record AllocationPreviewShipmentLineView(int LineNumber, string Sku, int Quantity);
