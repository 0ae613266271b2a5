using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public enum ShipmentStatus
{
    /// <summary>Units are reserved for it at its location; it is picked and packed with the order.</summary>
    Open = 0,

    /// <summary>The carrier took it; its reservations were consumed.</summary>
    Shipped = 1,

    /// <summary>Closed without leaving (order cancelled, or every unit short-picked); its reservations were given back or written off.</summary>
    Cancelled = 2,
}

/// <summary>
/// What leaves one location for the order: part of the order aggregate, one open shipment per location. Its lines
/// hold the units reserved at that location; a line may ship a substitute SKU.
/// </summary>
public sealed class Shipment
{
    private readonly List<ShipmentLine> _lines = [];

    private Shipment() { }

    internal Shipment(Guid id, int number, LocationCode location, long estimatedCostMinor, Currency costCurrency) =>
        (Id, Number, Location, EstimatedCostMinor, CostCurrency, Status) = (id, number, location.Value, estimatedCostMinor, costCurrency.Code, ShipmentStatus.Open);

    public Guid Id { get; private set; }

    /// <summary>1, 2, ... within the order, in the order the shipments were opened.</summary>
    public int Number { get; private set; }

    public string Location { get; private set; } = "";
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
        var line = _lines.Find(l => l.LineNumber == lineNumber && l.Sku == sku.Value);
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
        new(Id, Number, Location, Status, Carrier, TrackingNumber, EstimatedCostMinor, CostCurrency,
            [.. _lines.Select(l => new ShipmentLineSnapshot(l.LineNumber, l.Sku, l.Quantity, l.PickedQuantity))]);
}

/// <summary>Units of one order line in one shipment: the SKU that actually ships (the ordered one or its substitute).</summary>
public sealed class ShipmentLine
{
    private ShipmentLine() { }

    internal ShipmentLine(int lineNumber, SkuCode sku, int quantity) => (LineNumber, Sku, Quantity) = (lineNumber, sku.Value, quantity);

    public int LineNumber { get; private set; }
    public string Sku { get; private set; } = "";
    public int Quantity { get; private set; }
    public int PickedQuantity { get; private set; }

    internal void Add(int quantity) => Quantity += quantity;

    internal void Remove(int quantity)
    {
        Quantity -= quantity;
        PickedQuantity = Math.Min(PickedQuantity, Quantity);
    }

    internal void MarkPicked() => PickedQuantity = Quantity;
}

/// <summary>Units of one order line to ship from one location: the SKU may be a substitute the channel and the SKU allow.</summary>
public readonly record struct AllocatedUnits(int LineNumber, SkuCode Sku, LocationCode Location, int Quantity);

/// <summary>Units of one line that could not be allocated: backordered (they wait for stock) or short (nobody may wait for them).</summary>
public readonly record struct UnallocatedUnits(int LineNumber, int Backordered, int Short);

/// <summary>
/// An allocation the Application planned and reserved, for the order to record. Every unit the order still needs
/// is accounted for exactly once: allocated somewhere, backordered or short. <paramref name="ShipmentCosts"/> is the
/// estimated cost of a shipment opened at a location (minor units of <paramref name="CostCurrency"/>).
/// </summary>
public sealed record AllocationDecision(
    IReadOnlyList<AllocatedUnits> Allocations,
    IReadOnlyList<UnallocatedUnits> Unallocated,
    Currency CostCurrency,
    IReadOnlyDictionary<LocationCode, long>? ShipmentCosts = null);

/// <summary>Units reserved for the order at a location: what a cancellation gives back or a shipment consumes.</summary>
public readonly record struct ReservedUnits(SkuCode Sku, LocationCode Location, int Quantity);

/// <summary>What a short pick took off the order: <paramref name="Missing"/> units of the SKU reserved at the location.</summary>
public sealed record ShortPickOutcome(Guid ShipmentId, int LineNumber, SkuCode Sku, LocationCode Location, int Missing);
