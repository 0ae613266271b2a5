namespace EcomErp.Domain.Orders;

public sealed record OrderHoldReleased(Guid OrderId, string Channel, Guid HoldId, HoldType HoldType, string Resolution, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
