namespace EcomErp.Domain.Orders;

public sealed record OrderCompleted(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Invoiced, OrderStatus.Completed, ActorId, OccurredAt);
