using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public sealed record OrderCaptured(
    Guid OrderId, string Channel, string ExternalOrderId, string Currency, ServiceLevel ServiceLevel, OrderPriority Priority,
    string CustomerEmail, string CustomerName, string ShipToCountry, long TotalMinor,
    IReadOnlyList<OrderLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
