namespace EcomErp.Domain.Orders;

/// <summary>A picker found fewer units than the shipment reserved; the missing units left the shipment (and the ledger).</summary>
public sealed record OrderShortPicked(
    Guid OrderId, string Channel, Guid ShipmentId, int LineNumber, string Sku, string Location, int MissingQuantity,
    IReadOnlyList<OrderLineAllocation> Lines, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
