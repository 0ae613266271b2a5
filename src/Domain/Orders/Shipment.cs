using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// What leaves one location for the order: part of the order aggregate, one open shipment per location. Its lines
/// hold the units reserved at that location; a line may ship a substitute SKU.
/// </summary>
public sealed class Shipment
{
    private readonly List<ShipmentLine> _lines = [];

    private Shipment() { }

    internal Shipment(Guid id, int number, LocationCode location, long estimatedCostMinor, Currency costCurrency) =>
        (Id, Number, Location, EstimatedCostMinor, CostCurrency, Status) = (id, number, location, estimatedCostMinor, costCurrency.Code, ShipmentStatus.Open);

    public Guid Id { get; private set; }

    /// <summary>1, 2, ... within the order, in the order the shipments were opened.</summary>
    public int Number { get; private set; }

    public LocationCode Location { get; private set; }
    public ShipmentStatus Status { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset? ShippedAt { get; private set; }

    /// <summary>What the allocation estimated this shipment costs beyond a single in-region one (split and expedite), in minor units.</summary>
    public long EstimatedCostMinor { get; private set; }

    public string CostCurrency { get; private set; } = "";

    public IReadOnlyList<ShipmentLine> Lines => _lines;

    public bool IsOpen => Status == ShipmentStatus.Open;

    /// <summary>Every unit of the shipment was picked.</summary>
    public bool IsPicked => _lines.TrueForAll(l => l.PickedQuantity == l.Quantity);

    internal void Add(int lineNumber, SkuCode sku, int quantity)
    {
        var line = _lines.Find(l => l.LineNumber == lineNumber && l.Sku == sku);
        if (line is null)
            _lines.Add(new ShipmentLine(lineNumber, sku, quantity));
        else
            line.Add(quantity);
    }

    /// <summary>Takes <paramref name="missing"/> units off a line (a short pick); a line left empty goes, an empty shipment is cancelled.</summary>
    internal void Remove(ShipmentLine line, int missing)
    {
        line.Remove(missing);
        if (line.Quantity == 0)
            _lines.Remove(line);
        if (_lines.Count == 0)
            Status = ShipmentStatus.Cancelled;
    }

    internal void MarkPicked() => _lines.ForEach(l => l.MarkPicked());

    internal void MarkShipped(string carrier, string trackingNumber, DateTimeOffset at) =>
        (Status, Carrier, TrackingNumber, ShippedAt) = (ShipmentStatus.Shipped, carrier, trackingNumber, at);

    internal void Cancel() => Status = ShipmentStatus.Cancelled;

    internal ShipmentSnapshot ToSnapshot() =>
        new(Id, Number, Location.Value, Status, Carrier, TrackingNumber, EstimatedCostMinor, CostCurrency,
            [.. _lines.Select(l => new ShipmentLineSnapshot(l.LineNumber, l.Sku.Value, l.Quantity, l.PickedQuantity))]);
}
