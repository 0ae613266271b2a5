using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Adds one row per <see cref="CycleCountRecorded"/>, matched or not, keyed by its outbox sequence, from the event alone. Rows
/// the table already holds are left alone, so a replay adds nothing.
/// </summary>
internal sealed class CycleCountProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var counts = batch.Events.Where(e => e.Event is CycleCountRecorded)
            .Select(e => CycleCountReadModel.From(e.Message.Sequence, (CycleCountRecorded)e.Event)).ToList();
        if (counts.Count == 0)
            return;

        var sequences = counts.Select(c => c.Sequence).ToList();
        var present = (await db.Set<CycleCountReadModel>().Where(c => sequences.Contains(c.Sequence)).Select(c => c.Sequence)
            .ToListAsync(cancellationToken)).ToHashSet();
        db.Set<CycleCountReadModel>().AddRange(counts.Where(c => !present.Contains(c.Sequence)));
    }
}
