namespace EcomErp.Domain.Orders;

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
