namespace EcomErp.Domain.Orders;

/// <summary>A shipment as it stands, with its lines, so read models and partners need no lookup.</summary>
public sealed record ShipmentSnapshot(
    Guid ShipmentId, int Number, string Location, ShipmentStatus Status, string? Carrier, string? TrackingNumber, long EstimatedCostMinor,
    string CostCurrency, IReadOnlyList<ShipmentLineSnapshot> Lines);
