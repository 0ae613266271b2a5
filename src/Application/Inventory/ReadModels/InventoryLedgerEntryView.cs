using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// One ledger entry as the read side serves it: the facts of one <see cref="StockLedgerEvent"/>, keyed by the outbox
/// sequence that carried it. <see cref="From"/> null is stock coming in from outside the ledger, <see cref="To"/> null
/// stock leaving it; <see cref="LevelsAfter"/> are the balance's buckets right after the entry.
/// </summary>
public sealed record InventoryLedgerEntryView(
    long Sequence, string Sku, string Location, StockBucket? From, StockBucket? To, int Quantity, string ReasonCode, string Reference,
    string ActorId, string? Channel, DateTimeOffset OccurredAt, StockLevels LevelsAfter)
{
    public static InventoryLedgerEntryView Of(long sequence, StockLedgerEvent entry) => new(
        sequence, entry.Sku, entry.Location, entry.From, entry.To, entry.Quantity, entry.ReasonCode, entry.Reference, entry.ActorId,
        entry.Channel, entry.OccurredAt, entry.Levels);
}
