namespace EcomErp.Domain.Orders;

public sealed record OrderReleased(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Allocated, OrderStatus.Released, ActorId, OccurredAt);
