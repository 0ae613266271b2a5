namespace EcomErp.Domain.Orders;

/// <summary>
/// One shipment left with its carrier. A status event follows when the order's status changes with it:
/// <see cref="OrderPartiallyShipped"/> for the first of several, <see cref="OrderShipped"/> for the last.
/// <see cref="CustomerEmail"/> (lower case) lets the return KPIs count units per customer without reading the order; events
/// written before it was carried have none (null).
/// </summary>
public sealed record ShipmentShipped(
    Guid OrderId, string Channel, ShipmentSnapshot Shipment, string ActorId, DateTimeOffset OccurredAt, string? CustomerEmail = null)
    : OrderEvent(OrderId, Channel, OccurredAt);
