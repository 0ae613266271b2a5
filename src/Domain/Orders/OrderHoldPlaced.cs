namespace EcomErp.Domain.Orders;

public sealed record OrderHoldPlaced(Guid OrderId, string Channel, Guid HoldId, HoldType HoldType, string Reason, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
