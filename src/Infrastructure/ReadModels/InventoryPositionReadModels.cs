using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>Inventory positions for queries: the document from the cache, the read table on a miss (filling the cache).</summary>
internal sealed class InventoryPositionReadModels(ErpDbContext db, IReadModelCache cache) : IInventoryPositionReadModels
{
    public async Task<InventoryPositionView?> GetAsync(string sku, CancellationToken cancellationToken)
    {
        if (SkuCode.Create(sku) is not { IsSuccess: true } code)
            return null;
        var key = ReadModelCacheKeys.InventoryPosition(code.Value.Value);
        if ((await cache.GetManyAsync([key], cancellationToken))[0] is { } cached)
            return ReadModelJson.Deserialize<InventoryPositionView>(cached);

        var wanted = code.Value.Value;
        var document = await db.Set<InventoryPositionReadModel>().AsNoTracking()
            .Where(r => r.Sku == wanted).Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
            return null;
        await cache.AddMissingAsync([KeyValuePair.Create(key, document)], cancellationToken);
        return ReadModelJson.Deserialize<InventoryPositionView>(document);
    }
}
