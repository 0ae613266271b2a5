namespace EcomErp.Domain.Orders;

/// <summary>
/// An allocation left units waiting for stock: <paramref name="To"/> is Backordered (nothing allocated) or PartiallyAllocated.
/// From equals To when a re-allocation added units but some still wait.
/// </summary>
public sealed record OrderBackordered(
    Guid OrderId, string Channel, OrderStatus From, OrderStatus To, IReadOnlyList<OrderLineAllocation> Lines,
    IReadOnlyList<ShipmentSnapshot> Shipments, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, To, ActorId, OccurredAt);
