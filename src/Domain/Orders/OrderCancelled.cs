namespace EcomErp.Domain.Orders;

public sealed record OrderCancelled(Guid OrderId, string Channel, OrderStatus From, string Reason, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, OrderStatus.Cancelled, ActorId, OccurredAt);
