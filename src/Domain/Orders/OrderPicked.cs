namespace EcomErp.Domain.Orders;

/// <summary>All lines were picked in full; the order stays in Picking until it is packed.</summary>
public sealed record OrderPicked(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
