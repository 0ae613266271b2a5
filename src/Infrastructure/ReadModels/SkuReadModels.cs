using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>The catalog for queries, in code order, from its read table.</summary>
internal sealed class SkuReadModels(ErpDbContext db) : ISkuReadModels
{
    public async Task<SkuPage> ListAsync(int first, string? afterCode, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        var rows = db.Set<SkuReadModel>().AsNoTracking();
        var totalCount = await rows.CountAsync(cancellationToken);
        if (afterCode is not null)
        {
            var after = afterCode.Trim().ToUpperInvariant();
            rows = rows.Where(s => string.Compare(s.Code, after) > 0);
        }
        var page = await rows.OrderBy(s => s.Code).Take(first + 1).ToListAsync(cancellationToken);
        return new SkuPage([.. page.Take(first).Select(s => s.ToView())], HasNextPage: page.Count > first, totalCount);
    }

    public async Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        return (await db.Set<SkuReadModel>().AsNoTracking().Where(s => wanted.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }
}
