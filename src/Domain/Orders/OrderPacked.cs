namespace EcomErp.Domain.Orders;

public sealed record OrderPacked(Guid OrderId, string Channel, int PackageCount, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Picking, OrderStatus.Packed, ActorId, OccurredAt);
