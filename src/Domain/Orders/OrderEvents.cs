using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Every order event names its order and channel so consumers can route and scope it without a lookup.</summary>
public abstract record OrderEvent(Guid OrderId, string Channel, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An order moved between governed states.</summary>
public abstract record OrderStatusChangedEvent(
    Guid OrderId, string Channel, OrderStatus From, OrderStatus To, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

public sealed record OrderLineSnapshot(int LineNumber, string Sku, int Quantity, long UnitPriceMinor);

public sealed record OrderCaptured(
    Guid OrderId, string Channel, string ExternalOrderId, string Currency, ServiceLevel ServiceLevel, OrderPriority Priority,
    string CustomerEmail, string CustomerName, string ShipToCountry, long TotalMinor,
    IReadOnlyList<OrderLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

public sealed record OrderValidated(Guid OrderId, string Channel, int FraudScore, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Captured, OrderStatus.Validated, ActorId, OccurredAt);

public sealed record OrderAllocated(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Validated, OrderStatus.Allocated, ActorId, OccurredAt);

public sealed record OrderReleased(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Allocated, OrderStatus.Released, ActorId, OccurredAt);

public sealed record OrderPickingStarted(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Released, OrderStatus.Picking, ActorId, OccurredAt);

/// <summary>All lines were picked in full; the order stays in Picking until it is packed.</summary>
public sealed record OrderPicked(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

public sealed record OrderPacked(Guid OrderId, string Channel, int PackageCount, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Picking, OrderStatus.Packed, ActorId, OccurredAt);

public sealed record OrderShipped(Guid OrderId, string Channel, string Carrier, string TrackingNumber, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Packed, OrderStatus.Shipped, ActorId, OccurredAt);

public sealed record OrderInvoiced(Guid OrderId, string Channel, string InvoiceNumber, string Currency, long TotalMinor, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Shipped, OrderStatus.Invoiced, ActorId, OccurredAt);

public sealed record OrderCompleted(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Invoiced, OrderStatus.Completed, ActorId, OccurredAt);

public sealed record OrderCancelled(Guid OrderId, string Channel, OrderStatus From, string Reason, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, OrderStatus.Cancelled, ActorId, OccurredAt);

public sealed record OrderHoldPlaced(Guid OrderId, string Channel, Guid HoldId, HoldType HoldType, string Reason, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

public sealed record OrderHoldReleased(Guid OrderId, string Channel, Guid HoldId, HoldType HoldType, string Resolution, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
