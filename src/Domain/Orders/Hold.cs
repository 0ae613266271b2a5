namespace EcomErp.Domain.Orders;

public enum HoldType
{
    FraudReview = 0,
    AddressValidation = 1,
    HighValueApproval = 2,
    CreditCheck = 3,
    InventoryShortfall = 4,
    Manual = 5,
}

/// <summary>A reason an order may not move forward, until someone releases it.</summary>
public sealed class Hold
{
    private Hold() { }

    internal Hold(Guid id, HoldType type, string reason, string placedBy, DateTimeOffset placedAt) =>
        (Id, Type, Reason, PlacedBy, PlacedAt) = (id, type, reason, placedBy, placedAt);

    public Guid Id { get; private set; }
    public HoldType Type { get; private set; }
    public string Reason { get; private set; } = "";
    public string PlacedBy { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => ReleasedAt is null;

    /// <summary>Holds that need a second person: whoever placed them by hand may not release them.</summary>
    public bool RequiresFourEyes => Type is HoldType.HighValueApproval or HoldType.FraudReview or HoldType.CreditCheck;

    internal void Release(string releasedBy, DateTimeOffset at, string resolution) =>
        (ReleasedBy, ReleasedAt, Resolution) = (releasedBy, at, resolution);
}

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
}

public static class TimelineActions
{
    /// <summary>The action of a step into <paramref name="status"/>.</summary>
    public static TimelineAction Entering(OrderStatus status) => status switch
    {
        OrderStatus.Captured => TimelineAction.Captured,
        OrderStatus.Validated => TimelineAction.Validated,
        OrderStatus.Allocated => TimelineAction.Allocated,
        OrderStatus.Backordered => TimelineAction.Backordered,
        OrderStatus.PartiallyAllocated => TimelineAction.PartiallyAllocated,
        OrderStatus.Released => TimelineAction.Released,
        OrderStatus.Picking => TimelineAction.Picking,
        OrderStatus.Packed => TimelineAction.Packed,
        OrderStatus.PartiallyShipped => TimelineAction.PartiallyShipped,
        OrderStatus.Shipped => TimelineAction.Shipped,
        OrderStatus.Invoiced => TimelineAction.Invoiced,
        OrderStatus.Completed => TimelineAction.Completed,
        OrderStatus.Cancelled => TimelineAction.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>One step in the order's history: who moved it, when, from where to where, and why.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry() { }

    internal TimelineEntry(int sequence, DateTimeOffset at, string actorId, string actorName, TimelineAction action,
        OrderStatus? from, OrderStatus? to, string? reason, HoldType? holdType = null) =>
        (Sequence, At, ActorId, ActorName, Action, From, To, Reason, HoldType) = (sequence, at, actorId, actorName, action, from, to, reason, holdType);

    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    public TimelineAction Action { get; private set; }

    /// <summary>The hold placed or released; null for every other action.</summary>
    public HoldType? HoldType { get; private set; }
    public OrderStatus? From { get; private set; }
    public OrderStatus? To { get; private set; }
    public string? Reason { get; private set; }
}

public sealed class OrderLine
{
    private OrderLine() { }

    internal OrderLine(int lineNumber, Common.SkuCode sku, int quantity, long unitPriceMinor) =>
        (LineNumber, Sku, Quantity, UnitPriceMinor) = (lineNumber, sku.Value, quantity, unitPriceMinor);

    public int LineNumber { get; private set; }
    public string Sku { get; private set; } = "";
    public int Quantity { get; private set; }

    /// <summary>Unit price in the order currency's minor units.</summary>
    public long UnitPriceMinor { get; private set; }

    public int AllocatedQuantity { get; private set; }
    public int PickedQuantity { get; private set; }
    public int ShippedQuantity { get; private set; }

    /// <summary>Units waiting for stock (the channel allows backorders); they are allocated when stock arrives.</summary>
    public int BackorderedQuantity { get; private set; }

    public long LineTotalMinor => checked(UnitPriceMinor * Quantity);

    /// <summary>Allocated, picked and shipped units are kept equal to the sums over the order's shipments (the order recounts them).</summary>
    internal void Recount(int allocated, int picked, int shipped) => (AllocatedQuantity, PickedQuantity, ShippedQuantity) = (allocated, picked, shipped);

    internal void SetBackordered(int quantity) => BackorderedQuantity = quantity;
}
