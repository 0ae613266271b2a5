using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>What the plan means for the order as a whole.</summary>
public enum AllocationPlanStatus
{
    /// <summary>Every unit is allocated.</summary>
    Complete = 0,

    /// <summary>Some units are allocated and the rest are backordered.</summary>
    Partial = 1,

    /// <summary>Nothing is allocated; everything is backordered.</summary>
    Backordered = 2,

    /// <summary>Some units can be neither allocated nor backordered: the caller places an InventoryShortfall hold.</summary>
    Short = 3,
}

/// <summary>Why a line went where it went (or nowhere). The first four name the <see cref="AllocationRule"/> that decided.</summary>
public enum AllocationReason
{
    OneShipment = AllocationRule.OneShipment,
    ShipToRegion = AllocationRule.ShipToRegion,
    LocationPriority = AllocationRule.LocationPriority,
    StockDepth = AllocationRule.StockDepth,

    /// <summary>The candidates tied on every rule; the channel's location order decided.</summary>
    ChannelPreference = 10,

    /// <summary>No other candidate location had usable stock for the line.</summary>
    OnlyCandidate = 11,

    /// <summary>The primary locations could not serve it; an alternate (3PL, drop-ship) does.</summary>
    AlternateLocation = 12,

    /// <summary>The channel ships complete and no single location can serve the whole order.</summary>
    ShipCompleteNotPossible = 13,

    /// <summary>No eligible or alternate location has usable stock.</summary>
    NoStock = 14,
}

/// <summary>Units of one order line's SKU (the substitute, where one is used) from one location.</summary>
public readonly record struct PlannedAllocation(int LineNumber, SkuCode Sku, LocationCode Location, int Quantity, bool FromAlternateLocation);

/// <summary>
/// The plan for one order line (<see cref="LineNumber"/> is the request line's). Allocated + Backordered + Short = Ordered. <see cref="Explanation"/> is written
/// on demand (for the dry run), so planning itself formats no text.
/// </summary>
public readonly record struct LinePlan(
    int LineNumber,
    SkuCode Sku,
    SkuCode? Substitute,
    int Ordered,
    int Allocated,
    int Backordered,
    int Short,
    AllocationReason DecidedBy,
    LocationCode? ComparedWith,
    ReadOnlyMemory<PlannedAllocation> Allocations)
{
    public bool IsSplit => Allocations.Length > 1;

    public string Explanation => AllocationExplanation.Explain(this);
}

/// <summary>
/// The plan for one order: per line where its units come from, the shipments (one per location, in the order
/// the planner chose them) and the estimated split/expedite cost of each (<see cref="AllocationLocation.SplitCostMinor"/>).
/// </summary>
public sealed class AllocationPlan
{
    internal AllocationPlan(OrderId orderId, ChannelCode channel, LinePlan[] lines, PlannedAllocation[] allocations,
        LocationCode[] shipFrom, Money[] shipmentSplitCosts, Currency costCurrency, bool drewOnSafetyStock)
    {
        OrderId = orderId;
        Channel = channel;
        int allocated = 0, backordered = 0, shortUnits = 0;
        foreach (var line in lines)
            (allocated, backordered, shortUnits) = (allocated + line.Allocated, backordered + line.Backordered, shortUnits + line.Short);
        Status = shortUnits > 0 ? AllocationPlanStatus.Short
            : backordered == 0 ? AllocationPlanStatus.Complete
            : allocated == 0 ? AllocationPlanStatus.Backordered
            : AllocationPlanStatus.Partial;
        long splitCost = 0;
        foreach (var cost in shipmentSplitCosts)
            splitCost += cost.MinorUnits;
        Lines = lines;
        Allocations = allocations;
        ShipFrom = shipFrom;
        ShipmentSplitCosts = shipmentSplitCosts;
        EstimatedSplitCost = new Money(splitCost, costCurrency);
        MayDrawOnSafetyStock = drewOnSafetyStock;
    }

    public OrderId OrderId { get; }

    public ChannelCode Channel { get; }

    public AllocationPlanStatus Status { get; }

    public IReadOnlyList<LinePlan> Lines { get; }

    /// <summary>Every allocation of the order, grouped by line.</summary>
    public IReadOnlyList<PlannedAllocation> Allocations { get; }

    /// <summary>One shipment per location; the first is the one the rules preferred most.</summary>
    public IReadOnlyList<LocationCode> ShipFrom { get; }

    public int ShipmentCount => ShipFrom.Count;

    /// <summary>What each shipment of <see cref="ShipFrom"/> (same position) adds to <see cref="EstimatedSplitCost"/>.</summary>
    public IReadOnlyList<Money> ShipmentSplitCosts { get; }

    /// <summary>Cost of the shipments beyond the first plus expedite cost of express/next-day shipments from outside the ship-to region.</summary>
    public Money EstimatedSplitCost { get; }

    /// <summary>Whether the order's priority let it use safety stock.</summary>
    public bool MayDrawOnSafetyStock { get; }

    public bool NeedsShortfallHold => Status == AllocationPlanStatus.Short;

    public override string ToString() =>
        $"{OrderId}: {Status}, {ShipmentCount} shipment(s), split cost {EstimatedSplitCost}{Environment.NewLine}"
        + string.Join(Environment.NewLine, Lines.Select(line => $"  {line.Sku} x{line.Ordered}: {line.Explanation}"));
}
