namespace EcomErp.Domain.Catalog;

/// <summary>
/// The preferences the allocation planner ranks locations by, applied in a channel's configured order
/// (<see cref="ChannelPolicy.RuleOrder"/>). Stored and published by name, so a name is never changed.
/// </summary>
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
