namespace EcomErp.Domain.Orders;

/// <summary>
/// A re-allocation of short-picked units during picking allocated all of them again (new reservations, perhaps a new
/// shipment); the order stays in Picking.
/// </summary>
public sealed record OrderReallocated(
    Guid OrderId, string Channel, IReadOnlyList<OrderLineAllocation> Lines, IReadOnlyList<ShipmentSnapshot> Shipments, string ActorId,
    DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
