namespace EcomErp.Domain.Orders;

/// <summary>
/// The order's ship-to changed before release. It carries both addresses in full (the timeline only names the parts
/// that changed) and the new address's findings (<see cref="AddressRules"/> codes; empty when it passes), so an
/// address case can follow the amendment without reading the order.
/// </summary>
public sealed record OrderShipToAmended(
    Guid OrderId, string Channel, OrderShipToSnapshot From, OrderShipToSnapshot To, IReadOnlyList<string> Findings, string ActorId, DateTimeOffset OccurredAt)
    : OrderEvent(OrderId, Channel, OccurredAt);
