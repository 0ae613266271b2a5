using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// The order's allocation: its shipments (one open per location) and each line's allocated, picked, shipped and
/// backordered units, kept equal to the sums over the shipments. A part of the order aggregate over the order's own
/// lists (EF Core maps them to OrderLines and OrderShipments); the order decides the states, the timeline and the events.
/// </summary>
internal sealed class OrderShipments(List<OrderLine> lines, List<Shipment> shipments)
{
    public IEnumerable<Shipment> Open => shipments.Where(s => s.IsOpen);

    /// <summary>Every unit of every open shipment was picked (and there is something open to pick).</summary>
    public bool IsPicked => shipments.Exists(s => s.IsOpen) && shipments.TrueForAll(s => !s.IsOpen || s.IsPicked);

    public int UnallocatedUnits => lines.Sum(l => l.Quantity - l.AllocatedQuantity);

    public int BackorderedUnits => lines.Sum(l => l.BackorderedQuantity);

    public bool AnyAllocated => lines.Exists(l => l.AllocatedQuantity > 0);

    /// <summary>The lines still short of an allocation, as a person reads them: "TEE-M-BLK x2, ...".</summary>
    private string Waiting() =>
        string.Join(", ", lines.Where(l => l.AllocatedQuantity < l.Quantity).Select(l => $"{l.Sku} x{l.Quantity - l.AllocatedQuantity}"));

    /// <summary>Why <paramref name="decision"/> does not fit: it must account for every unit still needed exactly once.</summary>
    public Error? Check(AllocationDecision decision)
    {
        if (decision.Allocations.Any(a => a.Quantity <= 0 || !lines.Exists(l => l.LineNumber == a.LineNumber)))
            return OrderErrors.AllocationInvalid("an allocation names an unknown line or no units.");
        if (decision.Unallocated.Any(u => u.Backordered < 0 || u.Short < 0 || !lines.Exists(l => l.LineNumber == u.LineNumber)))
            return OrderErrors.AllocationInvalid("unallocated units name an unknown line or a negative quantity.");
        foreach (var line in lines)
        {
            var allocated = decision.Allocations.Where(a => a.LineNumber == line.LineNumber).Sum(a => a.Quantity);
            var unallocated = decision.Unallocated.Where(u => u.LineNumber == line.LineNumber).Sum(u => u.Backordered + u.Short);
            if (allocated + unallocated != line.Quantity - line.AllocatedQuantity)
                return OrderErrors.AllocationInvalid(
                    $"line {line.LineNumber} needs {line.Quantity - line.AllocatedQuantity} unit(s); the allocation accounts for {allocated + unallocated}.");
        }
        return null;
    }

    /// <summary>Puts allocated units into the open shipment at their location (or a new one) and records the backordered rest.</summary>
    public void Apply(AllocationDecision decision)
    {
        foreach (var allocation in decision.Allocations)
        {
            var shipment = shipments.Find(s => s.IsOpen && s.Location == allocation.Location);
            if (shipment is null)
            {
                shipment = new Shipment(Guid.CreateVersion7(), shipments.Count + 1, allocation.Location,
                    decision.ShipmentCosts?.GetValueOrDefault(allocation.Location) ?? 0, decision.CostCurrency);
                shipments.Add(shipment);
            }
            shipment.Add(allocation.LineNumber, allocation.Sku, allocation.Quantity);
        }
        foreach (var line in lines)
            line.SetBackordered(decision.Unallocated.Where(u => u.LineNumber == line.LineNumber).Sum(u => u.Backordered));
        Recount();
    }

    /// <summary>
    /// Where an allocation just applied leaves an order that was in <paramref name="from"/>: Allocated when every unit is,
    /// PartiallyAllocated or Backordered while units wait for stock; Picking stays Picking unless units went back to wait.
    /// </summary>
    public OrderStatus StatusAfterAllocation(OrderStatus from) =>
        UnallocatedUnits == 0 ? (from == OrderStatus.Picking ? OrderStatus.Picking : OrderStatus.Allocated)
        : from == OrderStatus.Picking && BackorderedUnits == 0 ? OrderStatus.Picking
        : AnyAllocated ? OrderStatus.PartiallyAllocated
        : BackorderedUnits > 0 ? OrderStatus.Backordered
        : from;

    /// <summary>The reason of the InventoryShortfall hold for the short units of <paramref name="decision"/>, within the reason's limit.</summary>
    public string ShortfallReason(AllocationDecision decision)
    {
        var missing = decision.Unallocated.Where(u => u.Short > 0).Select(u => $"{lines.Single(l => l.LineNumber == u.LineNumber).Sku} x{u.Short}");
        var reason = $"Short of stock the channel may not backorder: {string.Join(", ", missing)}.";
        return reason.Length > OrderErrors.ReasonMaxLength ? string.Concat(reason.AsSpan(0, OrderErrors.ReasonMaxLength - 3), "...") : reason;
    }

    public void MarkPicked()
    {
        foreach (var shipment in Open)
            shipment.MarkPicked();
        Recount();
    }

    /// <summary>The open shipment that leaves: the one named, or the only one open when none is named; it must be picked in full.</summary>
    public Result<Shipment> FindLeaving(Guid? shipmentId)
    {
        if (shipmentId is null)
            return Open.ToList() is [var only] ? Picked(only) : OrderErrors.ShipmentRequired(Open.Count());
        var shipment = shipments.Find(s => s.Id == shipmentId);
        if (shipment is null)
            return OrderErrors.ShipmentNotFound(shipmentId.Value);
        return shipment.IsOpen ? Picked(shipment) : OrderErrors.ShipmentNotOpen(shipment.Number, shipment.Status);

        static Result<Shipment> Picked(Shipment shipment) => shipment.IsPicked ? shipment : OrderErrors.ShipmentNotPicked(shipment.Number);
    }

    /// <summary>The entry criteria of <paramref name="target"/> that depend on the allocation, for an order now in <paramref name="current"/>; null when met.</summary>
    public string? EntryCriteria(OrderStatus target, OrderStatus current) => target switch
    {
        OrderStatus.Allocated when UnallocatedUnits > 0 && current != OrderStatus.Validated => $"{UnallocatedUnits} unit(s) wait for stock ({Waiting()}).",
        OrderStatus.Packed when UnallocatedUnits > 0 => $"{UnallocatedUnits} short-picked unit(s) are not allocated again.",
        OrderStatus.Packed when !IsPicked => "the pick has not been confirmed for every open shipment.",
        _ => null,
    };

    public IReadOnlyList<ReservedUnits> Ship(Shipment shipment, string carrier, string trackingNumber, DateTimeOffset at)
    {
        shipment.MarkShipped(carrier, trackingNumber, at);
        Recount();
        return ReservedUnitsOf(shipment);
    }

    /// <summary>Takes <paramref name="missing"/> units of a line off the open shipment that holds them (named, or the only one).</summary>
    public Result<ShortPickOutcome> TakeShortPick(int lineNumber, int missing, Guid? shipmentId)
    {
        if (!lines.Exists(l => l.LineNumber == lineNumber))
            return OrderErrors.LineNotFound(lineNumber);
        if (missing < 1)
            return OrderErrors.ShortPickWithoutUnits();
        var candidates = Open
            .Where(s => shipmentId is null || s.Id == shipmentId)
            .SelectMany(s => s.Lines.Where(l => l.LineNumber == lineNumber).Select(l => (Shipment: s, Line: l)))
            .ToList();
        if (candidates.Count == 0)
            return OrderErrors.NoOpenShipmentHoldsLine(lineNumber, shipmentId);
        if (candidates.Count > 1)
            return OrderErrors.ShortPickShipmentRequired(lineNumber, candidates.Count);
        var (shipment, shipmentLine) = candidates[0];
        if (missing > shipmentLine.Quantity)
            return OrderErrors.ShortPickBeyondShipment(shipment.Number, shipmentLine.Quantity, lineNumber, missing);

        var outcome = new ShortPickOutcome(shipment.Id, lineNumber, shipmentLine.Sku, shipment.Location, missing);
        shipment.Remove(shipmentLine, missing);
        Recount();
        return outcome;
    }

    /// <summary>Closes the open shipments and every backorder (the order is cancelled); returns the units they held reserved.</summary>
    public IReadOnlyList<ReservedUnits> CancelOpen()
    {
        var open = Open.ToList();
        var released = open.SelectMany(ReservedUnitsOf).ToList();
        open.ForEach(s => s.Cancel());
        lines.ForEach(l => l.SetBackordered(0));
        Recount();
        return released;
    }

    public IReadOnlyList<OrderLineAllocation> LineAllocations() =>
        [.. lines.Select(l => new OrderLineAllocation(l.LineNumber, l.Sku.Value, l.Quantity, l.AllocatedQuantity, l.BackorderedQuantity))];

    public IReadOnlyList<ShipmentSnapshot> Snapshots() => [.. shipments.Select(s => s.ToSnapshot())];

    private static IReadOnlyList<ReservedUnits> ReservedUnitsOf(Shipment shipment) =>
        [.. shipment.Lines.Select(l => new ReservedUnits(l.Sku, shipment.Location, l.Quantity))];

    /// <summary>A line's allocated, picked and shipped units are the sums over its shipments that did not get cancelled.</summary>
    private void Recount()
    {
        foreach (var line in lines)
        {
            var parts = shipments.Where(s => s.Status != ShipmentStatus.Cancelled)
                .SelectMany(s => s.Lines.Where(l => l.LineNumber == line.LineNumber).Select(l => (Shipment: s, Line: l)))
                .ToList();
            line.Recount(
                parts.Sum(p => p.Line.Quantity),
                parts.Sum(p => p.Line.PickedQuantity),
                parts.Where(p => p.Shipment.Status == ShipmentStatus.Shipped).Sum(p => p.Line.Quantity));
        }
    }
}
