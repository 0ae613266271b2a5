using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>Inventory positions for queries: the documents from the cache, the read table for the misses (filling the cache).</summary>
internal sealed class InventoryPositionReadModels(ErpDbContext db, IReadModelCache cache) : IInventoryPositionReadModels
{
    public async Task<InventoryPositionPage> ListAsync(InventoryPositionListRequest request, CancellationToken cancellationToken)
    {
        var rows = db.Set<InventoryPositionReadModel>().AsNoTracking();
        if (request.Search is { } search)
        {
            var matching = db.Set<SkuReadModel>().Where(s => s.Code.Contains(search) || s.NameKey.Contains(search)).Select(s => s.Code);
            rows = rows.Where(r => r.Sku.Contains(search) || matching.Contains(r.Sku));
        }
        if (request.Location is { } location)
        {
            var bracketed = InventoryPositionReadModel.Bracketed(location);
            rows = rows.Where(r => r.Locations.Contains(bracketed));
            if (request.BelowSafetyStock)
                rows = rows.Where(r => r.BelowSafetyStockAt.Contains(bracketed));
        }
        else if (request.BelowSafetyStock)
            rows = rows.Where(r => r.BelowSafetyStockAt != "");
        var backorders = db.Set<BackorderedLineReadModel>();
        if (request.HasBackorders)
            rows = rows.Where(r => backorders.Any(b => b.Sku == r.Sku));
        var listed = rows.Select(r => new PositionRow { Sku = r.Sku, Document = r.Document, Backordered = backorders.Where(b => b.Sku == r.Sku).Sum(b => b.Units) });

        System.Linq.Expressions.Expression<Func<PositionRow, bool>>? seek = null;
        Func<IQueryable<PositionRow>, bool, IQueryable<PositionRow>> sort;
        if (request.Sort == PositionSort.BackorderedUnits)
        {
            // Most units first, SKU code breaking ties; the cursor is the last SKU, its units read as they are now.
            sort = (ordered, reversed) => reversed
                ? ordered.OrderBy(r => r.Backordered).ThenByDescending(r => r.Sku)
                : ordered.OrderByDescending(r => r.Backordered).ThenBy(r => r.Sku);
            if (request.After is { } after)
            {
                var units = await backorders.Where(b => b.Sku == after).SumAsync(b => b.Units, cancellationToken);
                seek = r => r.Backordered < units || (r.Backordered == units && string.Compare(r.Sku, after) > 0);
            }
        }
        else
        {
            sort = (ordered, reversed) => reversed ? ordered.OrderByDescending(r => r.Sku) : ordered.OrderBy(r => r.Sku);
            if (request.After is { } after)
                seek = r => string.Compare(r.Sku, after) > 0;
        }
        var page = await listed.PageAsync(sort, seek, null, request.Size, false, cancellationToken);
        return new InventoryPositionPage([.. page.Rows.Select(r => ReadModelJson.Deserialize<InventoryPositionView>(r.Document))], page.HasNextPage,
            page.TotalCount, page.Rows.Where(r => r.Backordered > 0).ToDictionary(r => r.Sku, r => r.Backordered, StringComparer.Ordinal));
    }

    public async Task<BackorderedDemandView> GetBackorderedDemandAsync(string sku, int size, CancellationToken cancellationToken)
    {
        var lines = db.Set<BackorderedLineReadModel>().AsNoTracking().Where(b => b.Sku == sku);
        var totals = await lines.GroupBy(b => b.Sku).Select(g => new { Units = g.Sum(b => b.Units), Count = g.Count() }).FirstOrDefaultAsync(cancellationToken);
        var oldest = await lines.OrderBy(b => b.CapturedAtTicks).ThenBy(b => b.OrderId).ThenBy(b => b.LineNumber).Take(size).ToListAsync(cancellationToken);
        return new BackorderedDemandView(sku, totals?.Units ?? 0, totals?.Count ?? 0,
            [.. oldest.Select(b => new BackorderedLineView(b.OrderId, b.Channel, b.LineNumber, b.Units, new DateTimeOffset(b.CapturedAtTicks, TimeSpan.Zero)))]);
    }

    /// <summary>A position row as the list reads it: the document and the units open orders have backordered of the SKU.</summary>
    private sealed class PositionRow
    {
        public string Sku { get; init; } = "";
        public string Document { get; init; } = "";
        public int Backordered { get; init; }
    }

    public async Task<InventoryPositionView?> GetAsync(string sku, CancellationToken cancellationToken) =>
        SkuCode.Create(sku) is { IsSuccess: true } code && (await GetManyAsync([sku], cancellationToken)).TryGetValue(code.Value.Value, out var view)
            ? view
            : null;

    public async Task<IReadOnlyDictionary<string, InventoryPositionView>> GetManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        await cache.ReadThroughAsync(
            [.. skus.Select(s => SkuCode.Create(s)).Where(c => c.IsSuccess).Select(c => c.Value.Value).Distinct(StringComparer.Ordinal)],
            ReadModelCacheKeys.InventoryPosition,
            async (missing, ct) => (await db.Set<InventoryPositionReadModel>().AsNoTracking()
                    .Where(r => missing.Contains(r.Sku)).Select(r => new { r.Sku, r.Document }).ToListAsync(ct))
                .ConvertAll(r => KeyValuePair.Create(r.Sku, r.Document)),
            ReadModelJson.Deserialize<InventoryPositionView>, StringComparer.Ordinal, cancellationToken);
}
