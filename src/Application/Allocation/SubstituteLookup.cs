using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Allocation;

/// <summary>
/// The substitutions read backwards: per SKU, the SKUs that name it as a substitute, and the channels whose policy permits
/// substitution. Built from the master data of one <see cref="MasterDataStamp"/>, so it changes when a SKU's substitutes
/// or a channel's policy does.
/// </summary>
public sealed class SubstitutionIndex
{
    private readonly Dictionary<SkuCode, SkuCode[]> _substituteFor;

    private SubstitutionIndex(Dictionary<SkuCode, SkuCode[]> substituteFor, IReadOnlyList<ChannelCode> substitutingChannels)
    {
        _substituteFor = substituteFor;
        SubstitutingChannels = substitutingChannels;
    }

    public IReadOnlyList<ChannelCode> SubstitutingChannels { get; }

    /// <summary>The SKUs <paramref name="substitute"/> may ship in place of; none when no SKU names it.</summary>
    public IReadOnlyList<SkuCode> SubstituteFor(SkuCode substitute) => _substituteFor.GetValueOrDefault(substitute) ?? [];

    public static SubstitutionIndex Create(IReadOnlyDictionary<SkuCode, IReadOnlyList<SkuCode>> substitutes, IReadOnlyList<ChannelCode> substitutingChannels) =>
        new(substitutes
                .SelectMany(sku => sku.Value.Select(substitute => (Substitute: substitute, For: sku.Key)))
                .GroupBy(pair => pair.Substitute, pair => pair.For)
                .ToDictionary(group => group.Key, group => group.Distinct().ToArray()),
            substitutingChannels);
}

/// <summary>
/// Which waiting orders an arrival of stock can serve (decision 069): the orders waiting for the arriving SKU, and those of a
/// substituting channel waiting for a SKU that names it as a substitute, as the planner would ship it (an active substitute,
/// where the channel permits). Read through the allocation's master-data cache, so an arrival costs the stamp's query; the
/// index is read once per stamp.
/// </summary>
public sealed class SubstituteLookup(ICatalog catalog, AllocationMasterDataCache cache, IMasterDataStamps stamps)
{
    public async Task<StockArrival> ArrivalOfAsync(SkuCode sku, CancellationToken cancellationToken)
    {
        var cached = cache.For(await stamps.ReadAsync(cancellationToken));
        var index = cached.Substitutions ??= SubstitutionIndex.Create(
            await catalog.ListSubstitutesAsync(cancellationToken), await catalog.ListChannelsAllowingSubstitutionAsync(cancellationToken));
        var substituteFor = index.SubstituteFor(sku);
        if (substituteFor.Count == 0 || index.SubstitutingChannels.Count == 0)
            return StockArrival.Of(sku);
        // An inactive substitute is not offered by the planner, so it serves only the orders waiting for it.
        var arriving = await cached.FindSkusAsync(catalog, [sku], cancellationToken);
        return arriving.TryGetValue(sku, out var found) && found.IsActive
            ? new StockArrival(sku, substituteFor, index.SubstitutingChannels)
            : StockArrival.Of(sku);
    }
}
