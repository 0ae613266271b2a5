using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Adds one ledger row per <see cref="StockLedgerEvent"/>, keyed by its outbox sequence, from the event alone (it carries
/// every fact of the entry and the levels after it). Rows the table already holds are left alone, so a replay adds nothing.
/// </summary>
internal sealed class LedgerProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var entries = batch.Events.Where(e => e.Event is StockLedgerEvent)
            .Select(e => InventoryLedgerEntryView.Of(e.Message.Sequence, (StockLedgerEvent)e.Event)).ToList();
        if (entries.Count == 0)
            return;

        var (first, last) = (entries[0].Sequence, entries[^1].Sequence);
        var stored = await db.Set<InventoryLedgerReadModel>().Where(r => r.Sequence >= first && r.Sequence <= last)
            .Select(r => r.Sequence).ToListAsync(cancellationToken);
        var present = stored.ToHashSet();
        db.Set<InventoryLedgerReadModel>().AddRange(entries.Where(e => !present.Contains(e.Sequence)).Select(InventoryLedgerReadModel.From));
    }
}
