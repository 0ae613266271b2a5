using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Projects each SKU whose balances the batch touched once: every balance of it as the write side holds it now,
/// stamped with the batch's newest sequence for the SKU. A row that already holds that sequence or a newer one
/// is left alone, so a replay changes nothing.
/// </summary>
internal sealed class InventoryProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var latest = batch.LatestSequenceBy(e => e switch
        {
            StockLedgerEvent moved => SkuCode.Of(moved.Sku),
            SafetyStockSet safetyStock => SkuCode.Of(safetyStock.Sku),
            _ => (SkuCode?)null,
        });
        if (latest.Count == 0)
            return;

        var codes = latest.Keys.Select(c => c.Value).ToList();
        var rows = await db.Set<InventoryPositionReadModel>().Where(r => codes.Contains(r.Sku))
            .ToDictionaryAsync(r => SkuCode.Of(r.Sku), cancellationToken);
        var stale = latest.Keys.Where(code => !rows.TryGetValue(code, out var row) || row.LastSequence < latest[code]).ToList();
        if (stale.Count == 0)
            return;

        var balances = await db.Set<InventoryBalance>().AsNoTracking().Where(b => stale.Contains(b.Sku)).ToListAsync(cancellationToken);
        foreach (var sku in stale)
        {
            var view = InventoryPositionView.From(sku.Value, balances.Where(b => b.Sku == sku), latest[sku]);
            var document = ReadModelJson.Serialize(view);
            if (rows.TryGetValue(sku, out var row))
                row.Apply(view, document);
            else
                db.Set<InventoryPositionReadModel>().Add(InventoryPositionReadModel.From(view, document));
            batch.CacheEntries.Add(KeyValuePair.Create(ReadModelCacheKeys.InventoryPosition(view.Sku), document));
        }
    }
}
