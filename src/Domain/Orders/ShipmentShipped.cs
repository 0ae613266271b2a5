namespace EcomErp.Domain.Orders;

/// <summary>
/// One shipment left with its carrier. A status event follows when the order's status changes with it:
/// <see cref="OrderPartiallyShipped"/> for the first of several, <see cref="OrderShipped"/> for the last.
/// </summary>
public sealed record ShipmentShipped(
    Guid OrderId, string Channel, ShipmentSnapshot Shipment, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
