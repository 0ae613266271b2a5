namespace EcomErp.Domain.Orders;

public sealed record OrderPickingStarted(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Released, OrderStatus.Picking, ActorId, OccurredAt);
