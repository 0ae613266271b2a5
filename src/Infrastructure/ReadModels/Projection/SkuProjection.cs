using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>Projects each SKU touched by the batch once, from its current state; replays change nothing.</summary>
internal sealed class SkuProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var latest = batch.LatestSequenceBy(e => e switch
        {
            SkuRegistered registered => SkuCode.Of(registered.Sku),
            SkuActivationChanged changed => SkuCode.Of(changed.Sku),
            SkuSubstitutesChanged changed => SkuCode.Of(changed.Sku),
            SkuDetailsChanged changed => SkuCode.Of(changed.Sku),
            _ => (SkuCode?)null,
        });
        if (latest.Count == 0)
            return;

        var codes = latest.Keys.Select(c => c.Value).ToList();
        var rows = await db.Set<SkuReadModel>().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => SkuCode.Of(r.Code), cancellationToken);
        var stale = latest.Keys.Where(code => !rows.TryGetValue(code, out var row) || row.LastSequence < latest[code]).ToList();
        if (stale.Count == 0)
            return;

        var skus = await db.Skus.AsNoTracking().Where(s => stale.Contains(s.Code)).ToListAsync(cancellationToken);
        foreach (var sku in skus)
        {
            var lastSequence = latest[sku.Code];
            if (rows.TryGetValue(sku.Code, out var row))
                row.Apply(sku, lastSequence);
            else
                db.Set<SkuReadModel>().Add(SkuReadModel.From(sku, lastSequence));
        }
    }
}
