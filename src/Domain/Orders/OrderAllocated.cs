namespace EcomErp.Domain.Orders;

/// <summary>Every unit of the order is allocated; the lines and every shipment as they stand after it.</summary>
public sealed record OrderAllocated(
    Guid OrderId, string Channel, OrderStatus From, IReadOnlyList<OrderLineAllocation> Lines, IReadOnlyList<ShipmentSnapshot> Shipments,
    string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, OrderStatus.Allocated, ActorId, OccurredAt);
