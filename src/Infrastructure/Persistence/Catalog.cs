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

    public Task<Supplier?> FindSupplierAsync(Domain.Inventory.SupplierCode code, CancellationToken cancellationToken) =>
        db.Set<Supplier>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    public async Task<IReadOnlyList<Carrier>> ListCarriersAsync(CancellationToken cancellationToken) =>
        await db.Set<Carrier>().AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<SkuCode, IReadOnlyList<SkuCode>>> ListSubstitutesAsync(CancellationToken cancellationToken)
    {
        // The substitutes are one column of codes: "none" is the empty list, compared in its stored form.
        IReadOnlyList<SkuCode> none = [];
        return await db.Skus.AsNoTracking().Where(s => s.Substitutes != none)
            .Select(s => new { s.Code, s.Substitutes })
            .ToDictionaryAsync(s => s.Code, s => s.Substitutes, cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelCode>> ListChannelsAllowingSubstitutionAsync(CancellationToken cancellationToken) =>
        await db.Channels.AsNoTracking().Where(c => c.Policy.SubstitutionAllowed).Select(c => c.Code).ToListAsync(cancellationToken);

    public Task<Customer?> FindCustomerAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Email == normalized, cancellationToken);
    }
}

/// <summary>The capture's look-ups through the reference-data cache (decision 055); misses read the store like <see cref="Catalog"/>.</summary>
internal sealed class CaptureCatalog(ICatalog catalog, Caching.ReferenceDataCache cache) : ICaptureCatalog
{
    public Task<Channel?> FindChannelAsync(ChannelCode code, CancellationToken cancellationToken) =>
        cache.GetOrReadAsync($"channel:{code.Value}", ct => catalog.FindChannelAsync(code, ct), cancellationToken);

    public async Task<IReadOnlySet<SkuCode>> KnownSkusAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken cancellationToken)
    {
        var known = new HashSet<SkuCode>();
        var missing = new List<SkuCode>();
        foreach (var code in codes.Distinct())
        {
            if (!cache.TryGet<bool>(Key(code), out var exists))
                missing.Add(code);
            else if (exists)
                known.Add(code);
        }
        if (missing.Count == 0)
            return known;
        var ticket = cache.BeginRead();
        var found = await catalog.FindSkusAsync(missing, cancellationToken);
        foreach (var code in missing)
        {
            cache.Keep(ticket, Key(code), found.ContainsKey(code));
            if (found.ContainsKey(code))
                known.Add(code);
        }
        return known;
    }

    private static string Key(SkuCode code) => $"sku:{code.Value}";
}

/// <summary>The values in force for decisions: the effective changes of the scope and the wider ones it falls back to, in one query.</summary>
internal sealed class PolicyReader(ErpDbContext db) : IPolicyReader
{
    public async Task<PolicyInForce> InForceAsync(PolicyDefinition policy, PolicyScope scope, CancellationToken cancellationToken)
    {
        var (channel, currency) = (scope.Channel, scope.Currency);
        var effective = await db.PolicyChanges.AsNoTracking()
            .Where(c => c.Key == policy.Key && c.Status == PolicyChangeStatus.Effective
                && (c.Channel == channel || c.Channel == "") && (c.Currency == currency || c.Currency == ""))
            .ToListAsync(cancellationToken);
        return policy.InForce(scope, effective);
    }
}

internal sealed class PolicyRepository(ErpDbContext db) : Application.Policies.IPolicyRepository
{
    public async Task<IReadOnlyList<PolicyChange>> ListAsync(string? key, CancellationToken cancellationToken) =>
        await db.PolicyChanges.Where(c => key == null || c.Key == key).ToListAsync(cancellationToken);

    public Task<PolicyChange?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.PolicyChanges.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public void Add(PolicyChange change) => db.PolicyChanges.Add(change);
}
