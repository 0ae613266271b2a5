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
        var page = await rows.Select(r => new { r.Sku, r.Document }).PageAsync(
            (ordered, reversed) => reversed ? ordered.OrderByDescending(r => r.Sku) : ordered.OrderBy(r => r.Sku),
            request.After is { } after ? r => string.Compare(r.Sku, after) > 0 : null, null, request.Size, false, cancellationToken);
        return new InventoryPositionPage([.. page.Rows.Select(r => ReadModelJson.Deserialize<InventoryPositionView>(r.Document))], page.HasNextPage,
            page.TotalCount);
    }

    public async Task<InventoryPositionView?> GetAsync(string sku, CancellationToken cancellationToken) =>
        SkuCode.Create(sku) is { IsSuccess: true } code && (await GetManyAsync([sku], cancellationToken)).TryGetValue(code.Value.Value, out var view)
            ? view
            : null;

    public async Task<IReadOnlyDictionary<string, InventoryPositionView>> GetManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var codes = skus.Select(s => SkuCode.Create(s)).Where(c => c.IsSuccess).Select(c => c.Value.Value).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, InventoryPositionView>(StringComparer.Ordinal);
        if (codes.Count == 0)
            return found;

        var cached = await cache.GetManyAsync([.. codes.Select(ReadModelCacheKeys.InventoryPosition)], cancellationToken);
        var missing = new List<string>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (cached[i] is { } document)
                found[codes[i]] = ReadModelJson.Deserialize<InventoryPositionView>(document);
            else
                missing.Add(codes[i]);
        }
        if (missing.Count == 0)
            return found;

        var rows = await db.Set<InventoryPositionReadModel>().AsNoTracking()
            .Where(r => missing.Contains(r.Sku)).Select(r => new { r.Sku, r.Document }).ToListAsync(cancellationToken);
        if (rows.Count > 0)
            await cache.AddMissingAsync([.. rows.Select(r => KeyValuePair.Create(ReadModelCacheKeys.InventoryPosition(r.Sku), r.Document))], cancellationToken);
        foreach (var row in rows)
            found[row.Sku] = ReadModelJson.Deserialize<InventoryPositionView>(row.Document);
        return found;
    }
}
