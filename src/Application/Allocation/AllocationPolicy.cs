using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>The preferences the planner ranks locations by, applied in a channel's configured order.</summary>
public enum AllocationRule
{
    /// <summary>Prefer the location that leaves the fewest units for other shipments (all of the order: one shipment).</summary>
    OneShipment = 0,

    /// <summary>Prefer a location in the ship-to region or country.</summary>
    ShipToRegion = 1,

    /// <summary>Prefer the location with the lower priority number.</summary>
    LocationPriority = 2,

    /// <summary>Prefer the location holding more usable stock of the order's SKUs.</summary>
    StockDepth = 3,
}

/// <summary>
/// A channel's allocation policy. <see cref="EligibleLocations"/> are the primary locations in the channel's
/// preference order (the last tie-break); <see cref="AlternateLocations"/> (3PL, drop-ship suppliers) serve only
/// what the primary ones cannot.
/// </summary>
public sealed record AllocationPolicy(
    ChannelCode Channel,
    IReadOnlyList<LocationCode> EligibleLocations,
    IReadOnlyList<AllocationRule> RuleOrder,
    bool SplitAllowed,
    bool BackorderAllowed,
    bool SubstitutionAllowed = false,
    IReadOnlyList<LocationCode>? AlternateLocations = null,
    OrderPriority? SafetyStockDrawFrom = null)
{
    public static IReadOnlyList<AllocationRule> DefaultRuleOrder { get; } =
        [AllocationRule.OneShipment, AllocationRule.ShipToRegion, AllocationRule.LocationPriority, AllocationRule.StockDepth];

    /// <summary>Orders at or above <see cref="SafetyStockDrawFrom"/> may use safety stock; null: no order may.</summary>
    public bool MayDrawOnSafetyStock(OrderPriority priority) => SafetyStockDrawFrom is { } threshold && priority >= threshold;
}
