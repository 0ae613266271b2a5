using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>The workflow's map: which moves are legal, the usual next state after each state, and the role that owns each step.</summary>
public static class OrderWorkflow
{
    /// <summary>Every move between two states a command can make (cancellation is its own step, <see cref="OrderStep.Cancel"/>).</summary>
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

    /// <summary>
    /// States before release: once the warehouse has the order, its labels and its place in the pick sequence are fixed
    /// (a change then is a cancellation and a new order).
    /// </summary>
    private static readonly HashSet<OrderStatus> Amendable =
    [
        OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Backordered, OrderStatus.PartiallyAllocated, OrderStatus.Allocated,
    ];

    /// <summary>
    /// Every step's guard and owners. A step that moves the order starts from the states with a legal move into what it
    /// reaches; picking work happens inside Picking; cancellation is open until the goods leave, and holds do not block it;
    /// amendments are open until release.
    /// </summary>
    private static readonly Dictionary<OrderStep, OrderStepRule> Steps = new()
    {
        [OrderStep.Validate] = Moving([OrderStatus.Validated], Roles.System),
        // Picking: an allocation of the units a short pick gave back keeps the order in Picking or sends it back to wait.
        [OrderStep.Allocate] = Moving([OrderStatus.Allocated, OrderStatus.PartiallyAllocated, OrderStatus.Backordered], Roles.System),
        // A release that books the carrier pickups it waited for ends the carrier-capacity hold (decision 027).
        [OrderStep.Release] = Moving([OrderStatus.Released], Roles.OperationsManager) with { Cures = HoldType.CarrierCapacity },
        [OrderStep.StartPicking] = Moving([OrderStatus.Picking], Roles.WarehouseManager),
        [OrderStep.ConfirmPick] = Inside(OrderStatus.Picking, Roles.WarehouseManager),
        [OrderStep.RecordShortPick] = Inside(OrderStatus.Picking, Roles.WarehouseManager),
        [OrderStep.Pack] = Moving([OrderStatus.Packed], Roles.WarehouseManager),
        [OrderStep.Ship] = Moving([OrderStatus.Shipped, OrderStatus.PartiallyShipped], Roles.WarehouseManager),
        [OrderStep.Invoice] = Moving([OrderStatus.Invoiced], Roles.Finance),
        [OrderStep.Complete] = Moving([OrderStatus.Completed], Roles.Finance),
        [OrderStep.Cancel] = new(Cancellable, [OrderStatus.Cancelled], [Roles.CustomerService, Roles.OperationsManager], BlockedByHolds: false),
        // An amendment is how a hold on a bad address ends, so holds do not block it.
        [OrderStep.Amend] = new(Amendable, [], [Roles.CustomerService, Roles.OperationsManager], BlockedByHolds: false),
    };

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

    public static OrderStepRule RuleOf(OrderStep step) => Steps[step];

    /// <summary>The role that owns the step into <paramref name="target"/>: the first owner of the one step that reaches it.</summary>
    public static string OwnerOf(OrderStatus target) =>
        target == OrderStatus.Captured ? Roles.System
        : Steps.Values.FirstOrDefault(rule => rule.Reaches.Contains(target))?.Owners[0]
          ?? throw new ArgumentOutOfRangeException(nameof(target), target, null);

    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;

    /// <summary>
    /// True when an order in <paramref name="status"/> has missed its ship-by deadline at <paramref name="now"/>: goods are still
    /// to leave (a partly shipped order is late for the rest) and the deadline has passed. Shipped and later, or cancelled, never are.
    /// </summary>
    public static bool MissedShipBy(OrderStatus status, DateTimeOffset shipBy, DateTimeOffset now) =>
        now > shipBy && StillToShip.Contains(status);

    /// <summary>States whose goods (some or all) are still to leave: the ones a passed ship-by makes late (lists filter on them in the store).</summary>
    public static IReadOnlySet<OrderStatus> StillToShip { get; } = Enum.GetValues<OrderStatus>()
        .Where(s => s is not (OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Completed or OrderStatus.Cancelled)).ToHashSet();

    private static OrderStepRule Moving(OrderStatus[] reaches, string owner) =>
        new(Moves.Where(m => reaches.Contains(m.To)).Select(m => m.From).ToHashSet(), reaches, [owner]);

    private static OrderStepRule Inside(OrderStatus state, string owner) => new(new HashSet<OrderStatus> { state }, [], [owner]);
}
