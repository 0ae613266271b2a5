using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public readonly record struct OrderId(Guid Value)
{
    public static OrderId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// The governed states of an order. The stored numbers are fixed, so the later states are appended and the
/// numbers say nothing about workflow order: compare states through <see cref="OrderWorkflow"/>, never with &lt; or &gt;.
/// </summary>
public enum OrderStatus
{
    Captured = 0,
    Validated = 1,
    Allocated = 2,
    Released = 3,
    Picking = 4,
    Packed = 5,
    Shipped = 6,
    Invoiced = 7,
    Completed = 8,
    Cancelled = 9,

    /// <summary>Validated, and no unit could be allocated yet: every unit waits for stock.</summary>
    Backordered = 10,

    /// <summary>Some units are allocated (reserved in shipments), the rest wait for stock.</summary>
    PartiallyAllocated = 11,

    /// <summary>Some shipments left, others are still open.</summary>
    PartiallyShipped = 12,
}

public enum ServiceLevel
{
    Standard = 0,
    Express = 1,
    NextDay = 2,
}

public enum OrderPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>The workflow's map: which moves are legal, the usual next state after each state, and the role that owns each step.</summary>
public static class OrderWorkflow
{
    /// <summary>Every move between two states a command can make (cancellation is <see cref="CanCancelFrom"/>).</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Moves =
    [
        (OrderStatus.Captured, OrderStatus.Validated),
        (OrderStatus.Validated, OrderStatus.Allocated),
        (OrderStatus.Validated, OrderStatus.PartiallyAllocated),
        (OrderStatus.Validated, OrderStatus.Backordered),
        (OrderStatus.Backordered, OrderStatus.Allocated),
        (OrderStatus.Backordered, OrderStatus.PartiallyAllocated),
        (OrderStatus.PartiallyAllocated, OrderStatus.Allocated),
        (OrderStatus.Allocated, OrderStatus.Released),
        (OrderStatus.Released, OrderStatus.Picking),
        // A short pick whose units cannot be allocated again sends the order back to wait for them.
        (OrderStatus.Picking, OrderStatus.PartiallyAllocated),
        (OrderStatus.Picking, OrderStatus.Backordered),
        (OrderStatus.Picking, OrderStatus.Packed),
        (OrderStatus.Packed, OrderStatus.PartiallyShipped),
        (OrderStatus.Packed, OrderStatus.Shipped),
        (OrderStatus.PartiallyShipped, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Invoiced),
        (OrderStatus.Invoiced, OrderStatus.Completed),
    ];

    /// <summary>States before the goods leave the building.</summary>
    private static readonly HashSet<OrderStatus> Cancellable =
    [
        OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Backordered, OrderStatus.PartiallyAllocated, OrderStatus.Allocated,
        OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed,
    ];

    /// <summary>States an allocation (first or again, for backordered or short-picked units) may start from.</summary>
    private static readonly HashSet<OrderStatus> Allocatable =
        [OrderStatus.Validated, OrderStatus.Backordered, OrderStatus.PartiallyAllocated, OrderStatus.Picking];

    /// <summary>The step an order in <paramref name="status"/> takes next when everything goes well; null for terminal states.</summary>
    public static OrderStatus? NextAfter(OrderStatus status) => status switch
    {
        OrderStatus.Captured => OrderStatus.Validated,
        OrderStatus.Validated or OrderStatus.Backordered or OrderStatus.PartiallyAllocated => OrderStatus.Allocated,
        OrderStatus.Allocated => OrderStatus.Released,
        OrderStatus.Released => OrderStatus.Picking,
        OrderStatus.Picking => OrderStatus.Packed,
        OrderStatus.Packed or OrderStatus.PartiallyShipped => OrderStatus.Shipped,
        OrderStatus.Shipped => OrderStatus.Invoiced,
        OrderStatus.Invoiced => OrderStatus.Completed,
        _ => null,
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Moves.Contains((from, to));

    /// <summary>
    /// The state's place in the workflow, from capture to completion (cancelled last), for sorting: the stored enum
    /// numbers say nothing about it.
    /// </summary>
    public static int RankOf(OrderStatus status) => status switch
    {
        OrderStatus.Captured => 0,
        OrderStatus.Validated => 1,
        OrderStatus.Backordered => 2,
        OrderStatus.PartiallyAllocated => 3,
        OrderStatus.Allocated => 4,
        OrderStatus.Released => 5,
        OrderStatus.Picking => 6,
        OrderStatus.Packed => 7,
        OrderStatus.PartiallyShipped => 8,
        OrderStatus.Shipped => 9,
        OrderStatus.Invoiced => 10,
        OrderStatus.Completed => 11,
        OrderStatus.Cancelled => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Whether an allocation may run in <paramref name="status"/> (Picking only for the units a short pick gave back).</summary>
    public static bool CanAllocateFrom(OrderStatus status) => Allocatable.Contains(status);

    /// <summary>The role that owns the step into <paramref name="target"/>; the system and admins may act for any owner.</summary>
    public static string OwnerOf(OrderStatus target) => target switch
    {
        OrderStatus.Captured or OrderStatus.Validated or OrderStatus.Allocated or OrderStatus.Backordered or OrderStatus.PartiallyAllocated
            => Roles.System,
        OrderStatus.Released => Roles.OperationsManager,
        OrderStatus.Picking or OrderStatus.Packed or OrderStatus.PartiallyShipped or OrderStatus.Shipped => Roles.WarehouseManager,
        OrderStatus.Invoiced or OrderStatus.Completed => Roles.Finance,
        OrderStatus.Cancelled => Roles.CustomerService,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>Cancellation is allowed until the goods leave the building (a partly shipped order cannot be cancelled).</summary>
    public static bool CanCancelFrom(OrderStatus status) => Cancellable.Contains(status);

    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;
}
