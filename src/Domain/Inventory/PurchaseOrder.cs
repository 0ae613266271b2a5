using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// Stock ordered from a supplier for one location. Confirming books every line as Inbound with its ETA;
/// receipts move Inbound to Available (or QualityHold for SKUs that need inspection) within the
/// receipt tolerance; a line complete within tolerance closes its remainder.
/// </summary>
public sealed class PurchaseOrder : AggregateRoot
{
    private readonly List<PurchaseOrderLine> _lines = [];

    private PurchaseOrder() { }

    public PurchaseOrderId Id { get; private set; }
    public SupplierCode Supplier { get; private set; }
    public LocationCode Location { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    // When each step happened: kept on the order itself, so a command answers with the same PurchaseOrder a query shows
    // without reading the read model.
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? LastReceiptAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }

    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    private string Reference => LedgerReference(Id.Value);

    /// <summary>How the ledger names a purchase order's entries (the reference its receipts and cancellation write).</summary>
    public static string LedgerReference(Guid id) => $"PO:{id}";

    public static Result<PurchaseOrder> Create(SupplierCode supplier, LocationCode location, IReadOnlyList<PurchaseOrderLineDraft> lines,
        Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return InventoryErrors.NotPermitted(actor, Roles.Planner, "create a purchase order");
        var errors = new List<Error>();
        if (StockDocuments.CheckLines(lines.Select(l => l.Sku).ToList()) is { } linesError)
            errors.Add(linesError);
        for (var i = 0; i < lines.Count; i++)
        {
            if (CheckExpectedOn(lines[i].ExpectedOn, at, $"lines[{i}].expectedOn") is { } invalid)
                errors.Add(invalid);
        }
        if (errors.Count > 0)
            return Result<PurchaseOrder>.Failure(errors);

        var order = new PurchaseOrder
        {
            Id = PurchaseOrderId.New(), Supplier = supplier, Location = location, Status = PurchaseOrderStatus.Draft,
            CreatedBy = actor.Id, CreatedAt = at, UpdatedAt = at,
        };
        for (var i = 0; i < lines.Count; i++)
            order._lines.Add(new PurchaseOrderLine(i + 1, lines[i].Sku, lines[i].Quantity.Value, lines[i].ExpectedOn));
        order.Raise(new PurchaseOrderCreated(order.Id.Value, supplier.Value, location.Value, order.Snapshot(), actor.Id, at));
        return order;
    }

    /// <summary>
    /// The supplier confirmed: every line becomes Inbound at the location, with its ETA — the one drafted, or the date the
    /// supplier gave in <paramref name="confirmedEtas"/> (suppliers often confirm other dates than were asked for).
    /// </summary>
    public Result Confirm(IReadOnlyDictionary<SkuCode, InventoryBalance> balances, Actor actor, DateTimeOffset at,
        IReadOnlyList<ConfirmedEta>? confirmedEtas = null)
    {
        if (!actor.MayActAs(Roles.Planner))
            return InventoryErrors.NotPermitted(actor, Roles.Planner, "confirm a purchase order");
        if (Status != PurchaseOrderStatus.Draft)
            return IllegalTransition(PurchaseOrderStatus.Confirmed);
        confirmedEtas ??= [];
        if (CheckConfirmedEtas(confirmedEtas, at) is { Count: > 0 } refused)
            return Result.Failure(refused);
        foreach (var line in _lines)
        {
            line.Expect(confirmedEtas.FirstOrDefault(e => e.Sku == line.Sku)?.ExpectedOn ?? line.ExpectedOn);
            Post(balances, line.Sku, null, StockBucket.Inbound, line.OrderedQuantity, ReasonCodes.PurchaseOrderConfirmed, actor, at);
        }
        Status = PurchaseOrderStatus.Confirmed;
        (ConfirmedAt, UpdatedAt) = (at, at);
        Raise(new PurchaseOrderConfirmed(Id.Value, Location.Value, actor.Id, at, Snapshot()));
        return Result.Success();
    }

    private List<Error> CheckConfirmedEtas(IReadOnlyList<ConfirmedEta> confirmedEtas, DateTimeOffset at)
    {
        var errors = new List<Error>();
        if (confirmedEtas.Select(e => e.Sku).Distinct().Count() != confirmedEtas.Count)
            errors.Add(new Error(InventoryErrors.DuplicateLineCode, "A SKU's confirmed date is given once.", "lines"));
        for (var i = 0; i < confirmedEtas.Count; i++)
        {
            if (!_lines.Exists(l => l.Sku == confirmedEtas[i].Sku))
                errors.Add(new Error(InventoryErrors.LineNotOnDocumentCode, $"SKU {confirmedEtas[i].Sku} is not on purchase order {Id}.", $"lines[{i}].sku"));
            else if (CheckExpectedOn(confirmedEtas[i].ExpectedOn, at, $"lines[{i}].expectedOn") is { } invalid)
                errors.Add(invalid);
        }
        return errors;
    }

    /// <summary>An ETA is today or later, within the dates the business plans in.</summary>
    private static Error? CheckExpectedOn(DateOnly expectedOn, DateTimeOffset at, string field) =>
        expectedOn < DateOnly.FromDateTime(at.UtcDateTime)
            ? new Error(InventoryErrors.ExpectedDateInvalidCode, "An expected date cannot be in the past.", field)
            : BusinessDates.Check(expectedOn, at, field);

    /// <summary>
    /// Goods arrived. Each line's units come out of Inbound (any extra within tolerance from outside) into
    /// Available, or QualityHold where <paramref name="requiresInspection"/> says so. When every line is
    /// complete within tolerance the order is Received and what is still Inbound is closed.
    /// </summary>
    public Result Receive(IReadOnlyList<ReceiptLine> receipt, ReceiptTolerance tolerance, Func<SkuCode, bool> requiresInspection,
        IReadOnlyDictionary<SkuCode, InventoryBalance> balances, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "receive a purchase order");
        if (Status is not (PurchaseOrderStatus.Confirmed or PurchaseOrderStatus.PartiallyReceived))
            return IllegalTransition(PurchaseOrderStatus.Received);
        var errors = new List<Error>();
        if (StockDocuments.CheckLines(receipt.Select(l => l.Sku).ToList()) is { } linesError)
            errors.Add(linesError);
        for (var i = 0; i < receipt.Count; i++)
        {
            var line = _lines.Find(l => l.Sku == receipt[i].Sku);
            if (line is null)
                errors.Add(new Error(InventoryErrors.LineNotOnDocumentCode, $"SKU {receipt[i].Sku} is not on purchase order {Id}.", $"lines[{i}].sku"));
            else if (receipt[i].Quantity is <= 0 or > Quantity.Max)
                errors.Add(new Error(InventoryErrors.ReceiptQuantityInvalidCode, $"A received quantity is 1 to {Quantity.Max}.", $"lines[{i}].quantity"));
            else if (line.ReceivedQuantity + receipt[i].Quantity > tolerance.MaxReceivable(line.OrderedQuantity))
                errors.Add(new Error(InventoryErrors.ReceiptBeyondToleranceCode,
                    $"Line {line.LineNumber} ordered {line.OrderedQuantity} of {line.Sku} and received {line.ReceivedQuantity}; " +
                    $"{receipt[i].Quantity} more exceeds the tolerance of {tolerance.OverPercent}% (at most {tolerance.MaxReceivable(line.OrderedQuantity)}).",
                    $"lines[{i}].quantity"));
        }
        if (errors.Count > 0)
            return Result.Failure(errors);

        foreach (var received in receipt)
        {
            var line = _lines.Find(l => l.Sku == received.Sku)!;
            var target = requiresInspection(line.Sku) ? StockBucket.QualityHold : StockBucket.Available;
            var fromInbound = Math.Min(received.Quantity, line.OutstandingQuantity);
            Post(balances, line.Sku, StockBucket.Inbound, target, fromInbound, ReasonCodes.PurchaseOrderReceived, actor, at);
            Post(balances, line.Sku, null, target, received.Quantity - fromInbound, ReasonCodes.PurchaseOrderOverReceived, actor, at);
            line.Receive(received.Quantity);
        }
        if (_lines.TrueForAll(l => tolerance.IsComplete(l.OrderedQuantity, l.ReceivedQuantity)))
        {
            foreach (var line in _lines)
            {
                Post(balances, line.Sku, StockBucket.Inbound, null, line.OutstandingQuantity, ReasonCodes.PurchaseOrderShortClosed, actor, at);
                line.Close();
            }
            Status = PurchaseOrderStatus.Received;
        }
        else
        {
            Status = PurchaseOrderStatus.PartiallyReceived;
        }
        (LastReceiptAt, UpdatedAt) = (at, at);
        Raise(new PurchaseOrderGoodsReceived(Id.Value, Location.Value, Status, Snapshot(), actor.Id, at));
        return Result.Success();
    }

    /// <summary>Cancels an order nothing was received on; what was Inbound leaves the ledger.</summary>
    public Result Cancel(string reason, IReadOnlyDictionary<SkuCode, InventoryBalance> balances, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return InventoryErrors.NotPermitted(actor, Roles.Planner, "cancel a purchase order");
        if (Status is not (PurchaseOrderStatus.Draft or PurchaseOrderStatus.Confirmed))
            return IllegalTransition(PurchaseOrderStatus.Cancelled);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > InventoryErrors.NoteMaxLength)
            return new Error(InventoryErrors.ReasonRequiredCode, $"A reason of 1 to {InventoryErrors.NoteMaxLength} characters is required.", "reason");
        if (TextRules.Check(reason, "reason", TextLayout.MultiLine) is { } reasonRefused)
            return reasonRefused;
        foreach (var line in _lines)
        {
            Post(balances, line.Sku, StockBucket.Inbound, null, line.OutstandingQuantity, ReasonCodes.PurchaseOrderCancelled, actor, at);
            line.Close();
        }
        Status = PurchaseOrderStatus.Cancelled;
        (CancelledAt, CancellationReason, UpdatedAt) = (at, reason.Trim(), at);
        Raise(new PurchaseOrderCancelled(Id.Value, Location.Value, CancellationReason, actor.Id, at));
        return Result.Success();
    }

    private void Post(IReadOnlyDictionary<SkuCode, InventoryBalance> balances, SkuCode sku, StockBucket? from, StockBucket? to, int quantity,
        string reasonCode, Actor actor, DateTimeOffset at) =>
        StockDocuments.Post(balances, Location, sku, from, to, quantity, reasonCode, Reference, actor, at);

    private Error IllegalTransition(PurchaseOrderStatus to) =>
        new(InventoryErrors.PurchaseOrderIllegalTransitionCode, $"Purchase order {Id} is {Status}; it cannot become {to}.");

    private List<PurchaseOrderLineSnapshot> Snapshot() => [.. _lines.Select(l => l.Snapshot())];
}
