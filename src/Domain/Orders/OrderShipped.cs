namespace EcomErp.Domain.Orders;

/// <summary>The last open shipment left: the whole order is shipped. Carrier and tracking are the last shipment's.</summary>
public sealed record OrderShipped(
    Guid OrderId, string Channel, OrderStatus From, string Carrier, string TrackingNumber, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, OrderStatus.Shipped, ActorId, OccurredAt);
