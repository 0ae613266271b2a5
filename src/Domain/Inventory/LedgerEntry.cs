using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// One immutable line of the stock ledger: <see cref="Quantity"/> units of a SKU at a location moved from
/// one bucket to another. A null <see cref="From"/> is stock coming in from outside the ledger (a receipt,
/// a positive adjustment); a null <see cref="To"/> is stock leaving it (a shipment, a write-off).
/// </summary>
public sealed class LedgerEntry
{
    public const int ReferenceMaxLength = 64;

    private LedgerEntry() { }

    internal LedgerEntry(SkuCode sku, LocationCode location, int number, StockBucket? from, StockBucket? to, int quantity,
        string reasonCode, string reference, string actorId, DateTimeOffset at) =>
        (Sku, Location, Number, From, To, Quantity, ReasonCode, Reference, ActorId, At) =
        (sku, location, number, from, to, quantity, reasonCode, reference, actorId, at);

    public SkuCode Sku { get; private set; }
    public LocationCode Location { get; private set; }

    /// <summary>The balance's version right after this entry: entries of one balance are numbered in order.</summary>
    public int Number { get; private set; }
    public StockBucket? From { get; private set; }
    public StockBucket? To { get; private set; }
    public int Quantity { get; private set; }
    public string ReasonCode { get; private set; } = "";

    /// <summary>What caused the move: an order, purchase order, transfer or adjustment id.</summary>
    public string Reference { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
