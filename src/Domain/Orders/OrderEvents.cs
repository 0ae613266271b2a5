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

/// <summary>Units of one order line after an allocation: how many are allocated (in shipments) and how many wait for stock.</summary>
public sealed record OrderLineAllocation(int LineNumber, string Sku, int Quantity, int AllocatedQuantity, int BackorderedQuantity);

public sealed record ShipmentLineSnapshot(int LineNumber, string Sku, int Quantity, int PickedQuantity);

/// <summary>A shipment as it stands, with its lines, so read models and partners need no lookup.</summary>
public sealed record ShipmentSnapshot(
    Guid ShipmentId, int Number, string Location, ShipmentStatus Status, string? Carrier, string? TrackingNumber, long EstimatedCostMinor,
    string CostCurrency, IReadOnlyList<ShipmentLineSnapshot> Lines);

/// <summary>Every unit of the order is allocated; the lines and every shipment as they stand after it.</summary>
public sealed record OrderAllocated(
    Guid OrderId, string Channel, OrderStatus From, IReadOnlyList<OrderLineAllocation> Lines, IReadOnlyList<ShipmentSnapshot> Shipments,
    string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, OrderStatus.Allocated, ActorId, OccurredAt);

/// <summary>
/// An allocation left units waiting for stock: <paramref name="To"/> is Backordered (nothing allocated) or PartiallyAllocated.
/// From equals To when a re-allocation added units but some still wait.
/// </summary>
public sealed record OrderBackordered(
    Guid OrderId, string Channel, OrderStatus From, OrderStatus To, IReadOnlyList<OrderLineAllocation> Lines,
    IReadOnlyList<ShipmentSnapshot> Shipments, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, To, ActorId, OccurredAt);

/// <summary>
/// A re-allocation of short-picked units during picking allocated all of them again (new reservations, perhaps a new
/// shipment); the order stays in Picking.
/// </summary>
public sealed record OrderReallocated(
    Guid OrderId, string Channel, IReadOnlyList<OrderLineAllocation> Lines, IReadOnlyList<ShipmentSnapshot> Shipments, string ActorId,
    DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

/// <summary>A picker found fewer units than the shipment reserved; the missing units left the shipment (and the ledger).</summary>
public sealed record OrderShortPicked(
    Guid OrderId, string Channel, Guid ShipmentId, int LineNumber, string Sku, string Location, int MissingQuantity,
    IReadOnlyList<OrderLineAllocation> Lines, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

/// <summary>
/// One shipment left with its carrier. A status event follows when the order's status changes with it:
/// <see cref="OrderPartiallyShipped"/> for the first of several, <see cref="OrderShipped"/> for the last.
/// </summary>
public sealed record ShipmentShipped(
    Guid OrderId, string Channel, ShipmentSnapshot Shipment, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

/// <summary>The first of several shipments left; the others are still open.</summary>
public sealed record OrderPartiallyShipped(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Packed, OrderStatus.PartiallyShipped, ActorId, OccurredAt);

public sealed record OrderReleased(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Allocated, OrderStatus.Released, ActorId, OccurredAt);

public sealed record OrderPickingStarted(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Released, OrderStatus.Picking, ActorId, OccurredAt);

/// <summary>All lines were picked in full; the order stays in Picking until it is packed.</summary>
public sealed record OrderPicked(Guid OrderId, string Channel, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);

public sealed record OrderPacked(Guid OrderId, string Channel, int PackageCount, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, OrderStatus.Picking, OrderStatus.Packed, ActorId, OccurredAt);

/// <summary>The last open shipment left: the whole order is shipped. Carrier and tracking are the last shipment's.</summary>
public sealed record OrderShipped(
    Guid OrderId, string Channel, OrderStatus From, string Carrier, string TrackingNumber, string ActorId, DateTimeOffset OccurredAt)
    : OrderStatusChangedEvent(OrderId, Channel, From, OrderStatus.Shipped, ActorId, OccurredAt);

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
