namespace EcomErp.Domain.Orders;

/// <summary>The order's fulfilment priority changed before release (it orders backorder conversion and release).</summary>
public sealed record OrderPriorityAmended(Guid OrderId, string Channel, OrderPriority From, OrderPriority To, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
