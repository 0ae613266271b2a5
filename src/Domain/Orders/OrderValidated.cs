namespace EcomErp.Domain.Orders;

public sealed record OrderValidated(Guid OrderId, string Channel, int FraudScore, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Captured, OrderStatus.Validated, ActorId, OccurredAt);
