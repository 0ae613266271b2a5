using EcomErp.Application.Catalog;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class SkuRepository(ErpDbContext db) : ISkuRepository
{
    public async Task<IReadOnlyDictionary<SkuCode, Sku>> FindAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
            return new Dictionary<SkuCode, Sku>();
        var wanted = codes.Distinct().ToList();
        return await db.Skus.Where(s => wanted.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
    }

    public void Add(Sku sku) => db.Skus.Add(sku);
}
