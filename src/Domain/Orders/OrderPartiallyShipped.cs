namespace EcomErp.Domain.Orders;

/// <summary>The first of several shipments left; the others are still open.</summary>
public sealed record OrderPartiallyShipped(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Packed, OrderStatus.PartiallyShipped, ActorId, OccurredAt);
