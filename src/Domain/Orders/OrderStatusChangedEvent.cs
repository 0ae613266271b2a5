namespace EcomErp.Domain.Orders;

/// <summary>An order moved between governed states.</summary>
public abstract record OrderStatusChangedEvent(
    Guid OrderId, string Channel, OrderStatus From, OrderStatus To, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
