using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// Stock moved on a balance; one event per ledger entry, with the balance's levels after it so a consumer
/// needs no lookup. The concrete type says what kind of move it was.
/// </summary>
public abstract record StockLedgerEvent : IDomainEvent
{
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public StockBucket? From { get; init; }
    public StockBucket? To { get; init; }
    public int Quantity { get; init; }
    public string ReasonCode { get; init; } = "";
    public string Reference { get; init; } = "";
    public string ActorId { get; init; } = "";
    public StockLevels Levels { get; init; } = StockLevels.Empty;
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The channel of the order behind a reservation move (reserve, release, ship, short pick); null for other moves.</summary>
    public string? Channel { get; init; }
}
