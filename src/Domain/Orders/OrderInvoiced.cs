using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public sealed record OrderInvoiced(Guid OrderId, string Channel, string InvoiceNumber, string Currency, long TotalMinor, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Shipped, OrderStatus.Invoiced, ActorId, OccurredAt);
