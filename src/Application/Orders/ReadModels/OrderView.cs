using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders.ReadModels;

/// <summary>
/// The order as the read side serves it: summary, lines, holds, timeline, blockers and when it entered
/// each state. <see cref="LastSequence"/> is the newest outbox event applied, so a replay is a no-op.
/// </summary>
public sealed record OrderView(
    Guid Id,
    string Channel,
    string ExternalOrderId,
    OrderStatus Status,
    ServiceLevel ServiceLevel,
    OrderPriority Priority,
    string Currency,
    long TotalMinor,
    OrderCustomerView Customer,
    OrderAddressView ShipTo,
    IReadOnlyList<OrderLineView> Lines,
    IReadOnlyList<OrderShipmentView> Shipments,
    IReadOnlyList<OrderHoldView> Holds,
    IReadOnlyList<OrderTimelineView> Timeline,
    IReadOnlyList<OrderBlockerView> Blockers,
    IReadOnlyList<OrderStatusTimestamp> StatusTimestamps,
    int? FraudScore,
    string? Carrier,
    string? TrackingNumber,
    string? InvoiceNumber,
    string? CancellationReason,
    DateTimeOffset CapturedAt,
    DateTimeOffset ShipBy,
    DateTimeOffset UpdatedAt,
    int Version,
    long LastSequence)
{
    public bool IsOnHold => Holds.Any(h => h.ReleasedAt is null);

    /// <summary>True when the ship-by deadline has passed at <paramref name="now"/> and goods are still to leave (asked at read time: a stored flag would go stale).</summary>
    public bool IsOverdueAt(DateTimeOffset now) => OrderWorkflow.MissedShipBy(Status, ShipBy, now);

    /// <summary>The slim form a list page carries; details come through the batch loader.</summary>
    public OrderSummaryView ToSummary() =>
        new(Id, Channel, ExternalOrderId, Status, Currency, TotalMinor, CapturedAt, UpdatedAt, IsOnHold, Priority, ShipBy);

    /// <summary>
    /// Projects the aggregate's current state, stamped with the newest event sequence applied. Its parts are listed in the order
    /// the repository loads them (lines and shipments by number, holds by placing time then id, timeline by sequence), so an
    /// aggregate just saved and the same aggregate read back give the same view (decision 074).
    /// </summary>
    public static OrderView From(Order order, long lastSequence)
    {
        var shipments = order.Shipments.OrderBy(s => s.Number).ToList();
        var timeline = order.Timeline.OrderBy(t => t.Sequence).ToList();
        return new(
            order.Id.Value, order.Channel.Value, order.ExternalOrderId, order.Status, order.ServiceLevel, order.Priority,
            order.Currency.Code, order.TotalMinor,
            new OrderCustomerView(order.Customer.Email, order.Customer.Name),
            new OrderAddressView(order.ShipTo.Name, order.ShipTo.Line1, order.ShipTo.Line2, order.ShipTo.City, order.ShipTo.PostalCode, order.ShipTo.Country),
            [.. order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineView(l.LineNumber, l.Sku.Value, l.Quantity, l.UnitPriceMinor, l.LineTotalMinor,
                l.AllocatedQuantity, l.PickedQuantity, l.ShippedQuantity, l.BackorderedQuantity,
                [.. shipments.Where(s => s.Status != ShipmentStatus.Cancelled)
                    .SelectMany(s => LinesInLoadOrder(s).Where(sl => sl.LineNumber == l.LineNumber)
                        .Select(sl => new OrderLineAllocationView(s.Id, s.Number, s.Location.Value, sl.Sku.Value, sl.Quantity, sl.PickedQuantity, s.Status)))]))],
            [.. shipments.Select(s => new OrderShipmentView(s.Id, s.Number, s.Location.Value, s.Status, s.Carrier, s.TrackingNumber, s.ShippedAt,
                s.EstimatedCostMinor, s.CostCurrency, [.. LinesInLoadOrder(s).Select(l => new OrderShipmentLineView(l.LineNumber, l.Sku.Value, l.Quantity, l.PickedQuantity))]))],
            [.. order.Holds.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id).Select(h =>
                new OrderHoldView(h.Id, h.Type, h.Reason, h.PlacedBy, h.PlacedAt, h.ReleasedBy, h.ReleasedAt, h.Resolution))],
            [.. timeline.Select(t => new OrderTimelineView(t.Sequence, t.At, t.ActorId, t.ActorName, t.Action, t.HoldType, t.From, t.To, t.Reason))],
            [.. order.GetBlockers().Select(b => new OrderBlockerView(b.Code, b.Message, b.HoldType))],
            [.. timeline.Where(t => t.To is { } to && t.From != to).GroupBy(t => t.To!.Value).Select(g => new OrderStatusTimestamp(g.Key, g.First().At))],
            order.FraudScore, order.Carrier, order.TrackingNumber, order.InvoiceNumber, order.CancellationReason,
            order.CapturedAt, order.ShipBy, order.UpdatedAt, order.Version, lastSequence);
    }

    /// <summary>A shipment's lines as the repository loads them: by order line, then SKU (ordinal, as the database compares it).</summary>
    private static IEnumerable<ShipmentLine> LinesInLoadOrder(Shipment shipment) =>
        shipment.Lines.OrderBy(l => l.LineNumber).ThenBy(l => l.Sku.Value, StringComparer.Ordinal);
}

public sealed record OrderSummaryView(
    Guid Id, string Channel, string ExternalOrderId, OrderStatus Status, string Currency, long TotalMinor,
    DateTimeOffset CapturedAt, DateTimeOffset UpdatedAt, bool IsOnHold, OrderPriority Priority, DateTimeOffset ShipBy)
{
    /// <summary>The same rule as <see cref="OrderView.IsOverdueAt"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => OrderWorkflow.MissedShipBy(Status, ShipBy, now);
}

public sealed record OrderCustomerView(string Email, string Name);

public sealed record OrderAddressView(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);

public sealed record OrderLineView(
    int LineNumber, string Sku, int Quantity, long UnitPriceMinor, long LineTotalMinor, int AllocatedQuantity, int PickedQuantity, int ShippedQuantity,
    int BackorderedQuantity, IReadOnlyList<OrderLineAllocationView> Allocations);

/// <summary>Units of a line in one shipment that was not cancelled: where they ship from and which SKU (a substitute, perhaps).</summary>
public sealed record OrderLineAllocationView(
    Guid ShipmentId, int ShipmentNumber, string Location, string Sku, int Quantity, int PickedQuantity, ShipmentStatus ShipmentStatus);

public sealed record OrderShipmentView(
    Guid Id, int Number, string Location, ShipmentStatus Status, string? Carrier, string? TrackingNumber, DateTimeOffset? ShippedAt,
    long EstimatedCostMinor, string CostCurrency, IReadOnlyList<OrderShipmentLineView> Lines);

public sealed record OrderShipmentLineView(int LineNumber, string Sku, int Quantity, int PickedQuantity);

public sealed record OrderHoldView(
    Guid Id, HoldType Type, string Reason, string PlacedBy, DateTimeOffset PlacedAt, string? ReleasedBy, DateTimeOffset? ReleasedAt, string? Resolution);

public sealed record OrderTimelineView(
    int Sequence, DateTimeOffset At, string ActorId, string ActorName, TimelineAction Action, HoldType? HoldType, OrderStatus? From, OrderStatus? To,
    string? Reason);

public sealed record OrderBlockerView(BlockerCode Code, string Message, HoldType? HoldType);

public sealed record OrderStatusTimestamp(OrderStatus Status, DateTimeOffset At);
