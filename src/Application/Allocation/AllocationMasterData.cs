using System.Collections.Concurrent;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Allocation;

/// <summary>
/// Where the master data an allocation network is made of stands: per table (channels with their policies, locations,
/// SKUs with their substitutes) the row count and the sum of the rows' versions. Every change of a row bumps its version
/// and raises its master-data event (<c>ChannelPolicyChanged</c>, <c>LocationChanged</c>, <c>SkuSubstitutesChanged</c>, ...),
/// so a different stamp is exactly "something the networks are built from changed".
/// </summary>
public sealed record MasterDataStamp(long Channels, long ChannelVersions, long Locations, long LocationVersions, long Skus, long SkuVersions);

/// <summary>Reads the <see cref="MasterDataStamp"/> from the store in one query: every node checks the same truth.</summary>
public interface IMasterDataStamps
{
    Task<MasterDataStamp> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The channels, locations and SKUs the batched automation builds its networks from (decision 051), kept per process
/// while the store's <see cref="MasterDataStamp"/> stays the same: a batch reads what it needs once, the next batch only
/// the stamp. A change on any node changes the stamp, so the next batch on every node starts afresh. The entities are
/// read without tracking and never changed, so one copy serves every scope.
/// </summary>
public sealed class AllocationMasterDataCache
{
    private readonly Lock _lock = new();
    private Entry? _current;

    /// <summary>The cached data for <paramref name="stamp"/>; a new, empty one when the stamp moved.</summary>
    internal Entry For(MasterDataStamp stamp)
    {
        lock (_lock)
        {
            if (_current is null || _current.Stamp != stamp)
                _current = new Entry(stamp);
            return _current;
        }
    }

    internal sealed class Entry(MasterDataStamp stamp)
    {
        public MasterDataStamp Stamp { get; } = stamp;

        public ConcurrentDictionary<ChannelCode, Channel?> Channels { get; } = new();

        public ConcurrentDictionary<SkuCode, Sku?> Skus { get; } = new();

        public IReadOnlyList<Location>? Locations { get; set; }

        /// <summary>The substitutions read backwards (<see cref="SubstituteLookup"/>), built once per stamp.</summary>
        public SubstitutionIndex? Substitutions { get; set; }

        /// <summary>The known SKUs among <paramref name="codes"/>, each read from the store once per stamp, found or not.</summary>
        public async Task<IReadOnlyDictionary<SkuCode, Sku>> FindSkusAsync(ICatalog catalog, IReadOnlyCollection<SkuCode> codes,
            CancellationToken cancellationToken)
        {
            var missing = codes.Where(c => !Skus.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                var found = await catalog.FindSkusAsync(missing, cancellationToken);
                foreach (var code in missing)
                    Skus[code] = found.GetValueOrDefault(code);
            }
            var known = new Dictionary<SkuCode, Sku>();
            foreach (var code in codes)
            {
                if (Skus.TryGetValue(code, out var sku) && sku is not null)
                    known[code] = sku;
            }
            return known;
        }
    }
}
