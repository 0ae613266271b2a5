namespace EcomErp.Domain.Orders;

/// <summary>
/// What a timeline entry records. A step into a state is named after the state (the stored names are the
/// member names, so they must not be renamed); a hold's type is on the entry, not in the action.
/// </summary>
public enum TimelineAction
{
    Captured,
    Validated,
    Allocated,
    Backordered,
    PartiallyAllocated,
    Released,
    Picking,
    Packed,
    PartiallyShipped,
    Shipped,
    Invoiced,
    Completed,
    Cancelled,

    /// <summary>Units a short pick gave back were allocated again while the order stayed in Picking.</summary>
    Reallocated,

    /// <summary>The pick was confirmed for every open shipment.</summary>
    Picked,

    /// <summary>One shipment of several left while the order stayed in its state.</summary>
    ShipmentShipped,

    /// <summary>A picker found fewer units than a shipment reserved.</summary>
    ShortPicked,

    HoldPlaced,
    HoldReleased,

    /// <summary>The ship-to was amended; the reason names the parts that changed, from and to.</summary>
    ShipToAmended,

    /// <summary>The priority was amended; the reason says from and to.</summary>
    PriorityAmended,
}
