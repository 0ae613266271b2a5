using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>Master data for decisions, read without tracking: the write side never changes it through this port.</summary>
internal sealed class Catalog(ErpDbContext db) : ICatalog
{
    public Task<Channel?> FindChannelAsync(ChannelCode code, CancellationToken cancellationToken) =>
        db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    public async Task<IReadOnlyDictionary<SkuCode, Sku>> FindSkusAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
            return new Dictionary<SkuCode, Sku>();
        var wanted = codes.Distinct().ToList();
        return await db.Skus.AsNoTracking().Where(s => wanted.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<LocationCode, Location>> FindLocationsAsync(IReadOnlyCollection<LocationCode> codes,
        CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
            return new Dictionary<LocationCode, Location>();
        var wanted = codes.Distinct().ToList();
        return await db.Locations.AsNoTracking().Where(l => wanted.Contains(l.Code)).ToDictionaryAsync(l => l.Code, cancellationToken);
    }

    public Task<Customer?> FindCustomerAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Email == normalized, cancellationToken);
    }
}

internal sealed class PolicyReader(ErpDbContext db) : IPolicyReader
{
    public async Task<decimal> GetAsync(PolicyDefinition policy, CancellationToken cancellationToken) =>
        await db.PolicyValues.AsNoTracking().Where(p => p.Key == policy.Key).Select(p => (decimal?)p.Value).FirstOrDefaultAsync(cancellationToken)
        ?? policy.Default;
}
