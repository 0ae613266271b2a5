using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// Stock sent from one location to another. Shipping takes it out of Available at the source and books it
/// InTransit at the destination; receiving moves what arrived to Available there and writes the rest off
/// as a discrepancy.
/// </summary>
public sealed class Transfer : AggregateRoot
{
    private readonly List<TransferLine> _lines = [];

    private Transfer() { }

    public TransferId Id { get; private set; }
    public LocationCode FromLocation { get; private set; }
    public LocationCode ToLocation { get; private set; }
    public TransferStatus Status { get; private set; }
    public string ShippedBy { get; private set; } = "";
    public DateTimeOffset ShippedAt { get; private set; }
    public string? ReceivedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The calendar day (the business's, UTC) the stock is expected at the destination; null when nobody said.</summary>
    public DateOnly? ExpectedOn { get; private set; }

    public IReadOnlyList<TransferLine> Lines => _lines;

    public bool HasDiscrepancy => _lines.Exists(l => l.DiscrepancyQuantity > 0);

    private string Reference => $"TR:{Id}";

    /// <param name="sources">The balances at <paramref name="from"/>, by SKU.</param>
    /// <param name="destinations">The balances at <paramref name="to"/>, by SKU (opened when new).</param>
    /// <param name="expectedOn">The expected arrival, the ship date or later; null when not known yet.</param>
    public static Result<Transfer> Ship(LocationCode from, LocationCode to, IReadOnlyList<TransferLineDraft> lines,
        IReadOnlyDictionary<SkuCode, InventoryBalance> sources, IReadOnlyDictionary<SkuCode, InventoryBalance> destinations, Actor actor, DateTimeOffset at,
        DateOnly? expectedOn = null)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "ship a transfer");
        var errors = new List<Error>();
        if (from == to)
            errors.Add(new Error(InventoryErrors.SameLocationCode, "A transfer goes to another location.", "toLocation"));
        if (StockDocuments.CheckLines(lines.Select(l => l.Sku).ToList()) is { } linesError)
            errors.Add(linesError);
        if (expectedOn is { } eta && CheckArrival(eta, at) is { } early)
            errors.Add(early);
        for (var i = 0; i < lines.Count && errors.Count == 0; i++)
        {
            var held = sources.TryGetValue(lines[i].Sku, out var source) ? source : InventoryBalance.Open(lines[i].Sku, from);
            if (held.CheckCanTake(StockBucket.Available, lines[i].Quantity.Value, $"lines[{i}].quantity") is { } shortage)
                errors.Add(shortage);
        }
        if (errors.Count > 0)
            return Result<Transfer>.Failure(errors);

        var transfer = new Transfer
        {
            Id = TransferId.New(), FromLocation = from, ToLocation = to, Status = TransferStatus.InTransit, ShippedBy = actor.Id, ShippedAt = at,
            ExpectedOn = expectedOn,
        };
        for (var i = 0; i < lines.Count; i++)
        {
            var (sku, quantity) = (lines[i].Sku, lines[i].Quantity.Value);
            transfer._lines.Add(new TransferLine(i + 1, sku, quantity));
            transfer.Post(sources, from, sku, StockBucket.Available, null, quantity, ReasonCodes.TransferShipped, actor, at);
            transfer.Post(destinations, to, sku, null, StockBucket.InTransit, quantity, ReasonCodes.TransferShipped, actor, at);
        }
        transfer.Raise(new TransferShipped(transfer.Id.Value, from.Value, to.Value, transfer.Snapshot(), actor.Id, at, expectedOn));
        return transfer;
    }

    /// <summary>Receives the transfer once: listed lines arrived in the given quantities, the rest of every line is a discrepancy.</summary>
    public Result Receive(IReadOnlyList<ReceiptLine> receipt, IReadOnlyDictionary<SkuCode, InventoryBalance> destinations, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "receive a transfer");
        if (Status == TransferStatus.Received)
            return new Error(InventoryErrors.TransferAlreadyReceivedCode, $"Transfer {Id} was already received by {ReceivedBy}.");
        var errors = new List<Error>();
        if (receipt.Count > 0 && StockDocuments.CheckLines(receipt.Select(l => l.Sku).ToList()) is { } linesError)
            errors.Add(linesError);
        for (var i = 0; i < receipt.Count; i++)
        {
            var line = _lines.Find(l => l.Sku == receipt[i].Sku);
            if (line is null)
                errors.Add(new Error(InventoryErrors.LineNotOnDocumentCode, $"SKU {receipt[i].Sku} is not on transfer {Id}.", $"lines[{i}].sku"));
            else if (receipt[i].Quantity < 0 || receipt[i].Quantity > line.ShippedQuantity)
                errors.Add(new Error(InventoryErrors.ReceiptQuantityInvalidCode,
                    $"Line {line.LineNumber} shipped {line.ShippedQuantity} of {line.Sku}; between 0 and that many can arrive.", $"lines[{i}].quantity"));
        }
        if (errors.Count > 0)
            return Result.Failure(errors);

        foreach (var line in _lines)
        {
            var arrived = receipt.FirstOrDefault(r => r.Sku == line.Sku)?.Quantity ?? 0;
            line.Receive(arrived);
            Post(destinations, ToLocation, line.Sku, StockBucket.InTransit, StockBucket.Available, arrived, ReasonCodes.TransferReceived, actor, at);
            Post(destinations, ToLocation, line.Sku, StockBucket.InTransit, null, line.DiscrepancyQuantity, ReasonCodes.TransferDiscrepancy, actor, at);
        }
        (Status, ReceivedBy, ReceivedAt) = (TransferStatus.Received, actor.Id, at);
        Raise(new TransferReceived(Id.Value, FromLocation.Value, ToLocation.Value, Snapshot(), actor.Id, at));
        return Result.Success();
    }

    /// <summary>Sets or moves the expected arrival while the stock is on the way; once received, the arrival is a fact.</summary>
    public Result ExpectArrival(DateOnly expectedOn, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.WarehouseManager))
            return InventoryErrors.NotPermitted(actor, Roles.WarehouseManager, "change a transfer's expected arrival");
        if (Status == TransferStatus.Received)
            return new Error(InventoryErrors.TransferAlreadyReceivedCode, $"Transfer {Id} was already received by {ReceivedBy}; its arrival is known.");
        if (CheckArrival(expectedOn, ShippedAt) is { } early)
            return early;
        var previous = ExpectedOn;
        ExpectedOn = expectedOn;
        Raise(new TransferArrivalExpected(Id.Value, FromLocation.Value, ToLocation.Value, previous, expectedOn, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// Stock cannot arrive before it left. Days are the business's calendar (UTC), as purchase-order ETAs and available to
    /// promise count them.
    /// </summary>
    private static Error? CheckArrival(DateOnly expectedOn, DateTimeOffset shippedAt) =>
        expectedOn < DateOnly.FromDateTime(shippedAt.UtcDateTime)
            ? new Error(InventoryErrors.ArrivalBeforeShipmentCode,
                $"The expected arrival {expectedOn:yyyy-MM-dd} is before the transfer shipped ({shippedAt.UtcDateTime:yyyy-MM-dd}).", "expectedOn")
            : null;

    private void Post(IReadOnlyDictionary<SkuCode, InventoryBalance> balances, LocationCode location, SkuCode sku, StockBucket? from, StockBucket? to,
        int quantity, string reasonCode, Actor actor, DateTimeOffset at) =>
        StockDocuments.Post(balances, location, sku, from, to, quantity, reasonCode, Reference, actor, at);

    private List<TransferLineSnapshot> Snapshot() => [.. _lines.Select(l => l.Snapshot())];
}
