using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public readonly record struct OrderId(Guid Value)
{
    public static OrderId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The governed states of an order, in workflow order.</summary>
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

/// <summary>The workflow's map: the next state after each state and the role that owns each step.</summary>
public static class OrderWorkflow
{
    public static OrderStatus? NextAfter(OrderStatus status) => status switch
    {
        OrderStatus.Captured => OrderStatus.Validated,
        OrderStatus.Validated => OrderStatus.Allocated,
        OrderStatus.Allocated => OrderStatus.Released,
        OrderStatus.Released => OrderStatus.Picking,
        OrderStatus.Picking => OrderStatus.Packed,
        OrderStatus.Packed => OrderStatus.Shipped,
        OrderStatus.Shipped => OrderStatus.Invoiced,
        OrderStatus.Invoiced => OrderStatus.Completed,
        _ => null,
    };

    /// <summary>The role that owns the step into <paramref name="target"/>; the system and admins may act for any owner.</summary>
    public static string OwnerOf(OrderStatus target) => target switch
    {
        OrderStatus.Captured or OrderStatus.Validated or OrderStatus.Allocated => Roles.System,
        OrderStatus.Released => Roles.OperationsManager,
        OrderStatus.Picking or OrderStatus.Packed or OrderStatus.Shipped => Roles.WarehouseManager,
        OrderStatus.Invoiced or OrderStatus.Completed => Roles.Finance,
        OrderStatus.Cancelled => Roles.CustomerService,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>Cancellation is allowed until the goods leave the building.</summary>
    public static bool CanCancelFrom(OrderStatus status) => status < OrderStatus.Shipped;

    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;
}
