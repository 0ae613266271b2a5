using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Tests.Builders;

/// <summary>Everything a refused command must leave as it was; compare a snapshot before and after.</summary>
public sealed record OrderSnapshot(
    OrderStatus Status, int Version, int PendingEvents, int TimelineEntries, DateTimeOffset UpdatedAt, int OpenHolds,
    int? FraudScore, string? Carrier, string? TrackingNumber, string? InvoiceNumber, string? CancellationReason,
    string? AddressVerifiedBy, Address ShipTo, OrderPriority Priority, string Lines, string Shipments)
{
    public static OrderSnapshot Of(Order order) => new(
        order.Status, order.Version, order.PendingEvents.Count, order.Timeline.Count, order.UpdatedAt, order.OpenHolds.Count(),
        order.FraudScore, order.Carrier, order.TrackingNumber, order.InvoiceNumber, order.CancellationReason,
        order.AddressVerifiedBy, order.ShipTo, order.Priority,
        string.Join(",", order.Lines.Select(l => $"{l.Sku}:{l.AllocatedQuantity}/{l.PickedQuantity}/{l.ShippedQuantity}/{l.BackorderedQuantity}")),
        string.Join(";", order.Shipments.Select(s =>
            $"{s.Number}@{s.Location}:{s.Status}:{string.Join(",", s.Lines.Select(l => $"{l.LineNumber}/{l.Sku}/{l.Quantity}/{l.PickedQuantity}"))}")));
}
