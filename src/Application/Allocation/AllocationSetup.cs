using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>
/// Everything planning one order needs except stock: the request, the channel's policy and a network over the
/// order's SKUs (with their allowed substitutes, where the channel permits substitution) and the channel's
/// eligible and alternate locations. <see cref="Create"/> is the one place the three are checked against each other,
/// so the planner takes a setup as valid (decision 020). The caller fills a snapshot from the balances it trusts: the
/// write side from the balance rows it will reserve on, the dry run from the inventory position read model.
/// </summary>
public sealed class AllocationSetup
{
    private AllocationSetup(AllocationRequest request, AllocationPolicy policy, AllocationNetwork network)
    {
        Request = request;
        Policy = policy;
        Network = network;
    }

    public AllocationRequest Request { get; }

    public AllocationPolicy Policy { get; }

    public AllocationNetwork Network { get; }

    /// <summary>Every (SKU, location) pair of the network: the balances a snapshot for this order is made of.</summary>
    public IEnumerable<(SkuCode Sku, LocationCode Location)> BalanceKeys =>
        from location in Network.Locations
        from sku in Network.Skus
        select (sku, location.Code);

    /// <summary>The SKUs of the network per location, for loading balances a location at a time.</summary>
    public IReadOnlyList<SkuCode> Skus => Network.Skus;

    public IEnumerable<LocationCode> Locations => Network.Locations.Select(l => l.Code);

    /// <summary>
    /// Binds <paramref name="request"/> and <paramref name="policy"/> to <paramref name="network"/>: the policy is the
    /// order's channel's and names at least one eligible location, and every location and SKU they name is in the network.
    /// What each checks on its own stays with it: the order's capture rules (lines, quantities) and the channel policy's
    /// rules (rule order, locations named once).
    /// </summary>
    public static Result<AllocationSetup> Create(AllocationRequest request, AllocationPolicy policy, AllocationNetwork network)
    {
        List<Error>? errors = null;
        if (request.Channel != policy.Channel)
            (errors ??= []).Add(AllocationErrors.PolicyChannelMismatch(request.Channel, policy.Channel));
        if (policy.EligibleLocations.Count == 0)
            (errors ??= []).Add(AllocationErrors.NoEligibleLocations());
        CheckLocations(policy.EligibleLocations, "eligibleLocations");
        CheckLocations(policy.AlternateLocations ?? [], "alternateLocations");
        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (!network.TryGetSkuId(request.Lines[i].Sku, out _))
                (errors ??= []).Add(AllocationErrors.UnknownSku(i, request.Lines[i].Sku));
        }
        return errors is null ? new AllocationSetup(request, policy, network) : Result<AllocationSetup>.Failure(errors);

        void CheckLocations(IReadOnlyList<LocationCode> codes, string field)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                if (!network.TryGetLocationId(codes[i], out _))
                    (errors ??= []).Add(AllocationErrors.UnknownLocation($"{field}[{i}]", codes[i]));
            }
        }
    }
}

/// <summary>Builds an <see cref="AllocationSetup"/> from master data: the one place an order meets its channel's policy.</summary>
public sealed class AllocationSetupLoader(ICatalog catalog, IChannelRepository channels, AllocationMasterDataCache cache, IMasterDataStamps stamps)
{
    public async Task<Result<AllocationSetup>> LoadAsync(AllocationRequest request, CancellationToken cancellationToken)
    {
        var channel = await catalog.FindChannelAsync(request.Channel, cancellationToken);
        if (channel is null)
            return ChannelPolicyErrors.ChannelNotFound(request.Channel);
        var locations = await channels.ListLocationsAsync(cancellationToken);
        var policy = channel.ToAllocationPolicy(locations);

        var ordered = request.Lines.Select(l => l.Sku).Where(s => s.Value is not null).Distinct().ToList();
        var known = await catalog.FindSkusAsync(ordered, cancellationToken);
        var substitutes = policy.SubstitutionAllowed ? await UsableSubstitutesAsync(ordered, known, catalog.FindSkusAsync, cancellationToken) : [];
        var networkSkus = ordered.Where(known.ContainsKey).Concat(substitutes.Values.SelectMany(s => s)).Distinct().ToList();

        var networkLocations = NetworkLocations(policy, locations);
        if (OneCostCurrency(channel.Code, networkLocations) is { IsFailure: true } mixed)
            return Result<AllocationSetup>.Failure(mixed.Errors);
        var network = AllocationNetwork.Create(networkSkus,
            [.. networkLocations.Select(l => AllocationLocation.From(l, l.ShipmentCostMinor, l.ExpediteCostMinor))],
            CostCurrencyOf(networkLocations), substitutes);
        if (network.IsFailure)
            return Result<AllocationSetup>.Failure(network.Errors);
        return AllocationSetup.Create(request, policy, network.Value);
    }

    /// <summary>
    /// The setups of many orders read once: each channel's policy, and one network per cost currency over the locations
    /// of the batch's channels in that currency and every SKU (with its usable substitutes) those channels' orders name, so
    /// the orders of one group plan on one snapshot and no unit is promised twice. Channels in different currencies have
    /// no location in common (a channel's own locations share one), so their groups never plan the same balance. An order
    /// whose channel the single path would refuse (unknown, locations in mixed currencies) is left to that path, which
    /// reports why.
    /// </summary>
    public async Task<AllocationBatchSetup> LoadBatchAsync(IReadOnlyList<AllocationRequest> requests, CancellationToken cancellationToken)
    {
        var cached = cache.For(await stamps.ReadAsync(cancellationToken));
        var locations = cached.Locations ??= await channels.ListLocationsAsync(cancellationToken);
        var bound = new Dictionary<ChannelCode, (AllocationPolicy Policy, List<Location> Locations)>();
        foreach (var code in requests.Select(r => r.Channel).Distinct())
        {
            if (!cached.Channels.TryGetValue(code, out var found))
                cached.Channels[code] = found = await catalog.FindChannelAsync(code, cancellationToken);
            if (found is not { } channel)
                continue;
            var policy = channel.ToAllocationPolicy(locations);
            var networkLocations = NetworkLocations(policy, locations);
            if (OneCostCurrency(code, networkLocations).IsSuccess)
                bound[code] = (policy, networkLocations);
        }
        var unbound = requests.Where(r => !bound.ContainsKey(r.Channel)).Select(r => r.OrderId).ToList();
        var groups = new List<AllocationBatchGroup>();
        foreach (var group in bound.GroupBy(c => CostCurrencyOf(c.Value.Locations)))
        {
            var channelsOfGroup = group.Select(c => c.Key).ToHashSet();
            var groupRequests = requests.Where(r => channelsOfGroup.Contains(r.Channel)).ToList();
            var ordered = groupRequests.SelectMany(r => r.Lines).Select(l => l.Sku).Where(s => s.Value is not null).Distinct().ToList();
            var known = await FindSkusAsync(ordered, cancellationToken);
            var substitutes = group.Any(c => c.Value.Policy.SubstitutionAllowed) ? await UsableSubstitutesAsync(ordered, known, FindSkusAsync, cancellationToken) : [];
            var networkSkus = ordered.Where(known.ContainsKey).Concat(substitutes.Values.SelectMany(s => s)).Distinct().ToList();
            var networkLocations = group.SelectMany(c => c.Value.Locations).DistinctBy(l => l.Code).ToList();
            var network = AllocationNetwork.Create(networkSkus,
                [.. networkLocations.Select(l => AllocationLocation.From(l, l.ShipmentCostMinor, l.ExpediteCostMinor))], group.Key, substitutes);
            if (network.IsFailure)
                unbound.AddRange(groupRequests.Select(r => r.OrderId));
            else
                groups.Add(new AllocationBatchGroup(network.Value, group.ToDictionary(c => c.Key, c => c.Value.Policy), groupRequests));
        }
        return new AllocationBatchSetup(groups, unbound);

        Task<IReadOnlyDictionary<SkuCode, Sku>> FindSkusAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken ct) =>
            cached.FindSkusAsync(catalog, codes, ct);
    }

    private static async Task<Dictionary<SkuCode, IReadOnlyList<SkuCode>>> UsableSubstitutesAsync(List<SkuCode> ordered, IReadOnlyDictionary<SkuCode, Sku> known,
        Func<IReadOnlyCollection<SkuCode>, CancellationToken, Task<IReadOnlyDictionary<SkuCode, Sku>>> findSkus, CancellationToken cancellationToken)
    {
        var substitutes = new Dictionary<SkuCode, IReadOnlyList<SkuCode>>();
        var listed = known.Values.SelectMany(s => s.Substitutes).Except(ordered).Distinct().ToList();
        var existing = listed.Count == 0 ? new Dictionary<SkuCode, Sku>() : await findSkus(listed, cancellationToken);
        foreach (var sku in known.Values.Where(s => s.Substitutes.Count > 0))
        {
            // An inactive or deleted substitute is simply not offered; it is not the order's mistake.
            var usable = sku.Substitutes.Where(c => (existing.TryGetValue(c, out var s) && s.IsActive) || known.ContainsKey(c)).ToList();
            if (usable.Count > 0)
                substitutes[sku.Code] = usable;
        }
        return substitutes;
    }

    private static List<Location> NetworkLocations(AllocationPolicy policy, IReadOnlyList<Location> locations)
    {
        var byCode = locations.ToDictionary(l => l.Code);
        return policy.EligibleLocations.Concat(policy.AlternateLocations ?? []).Distinct()
            .Where(byCode.ContainsKey).Select(code => byCode[code]).ToList();
    }

    private static Result OneCostCurrency(ChannelCode channel, List<Location> networkLocations)
    {
        var currencies = networkLocations.Select(l => l.CostCurrency).Distinct().ToList();
        return currencies.Count > 1
            ? new Error(AllocationErrors.LocationInvalidCode,
                $"Channel {channel}'s locations price shipments in {string.Join(", ", currencies)}; one currency is needed to compare split costs.",
                "locations")
            : Result.Success();
    }

    private static Currency CostCurrencyOf(List<Location> networkLocations) =>
        Currency.Of(networkLocations.Select(l => l.CostCurrency).FirstOrDefault() ?? Location.DefaultCostCurrency);
}

/// <summary>The orders of a batch that plan on one network, with their channels' policies.</summary>
public sealed record AllocationBatchGroup(AllocationNetwork Network, IReadOnlyDictionary<ChannelCode, AllocationPolicy> Policies,
    IReadOnlyList<AllocationRequest> Requests);

/// <summary>A batch's setups: its groups, and the orders no group could take (they go the single-order way).</summary>
public sealed record AllocationBatchSetup(IReadOnlyList<AllocationBatchGroup> Groups, IReadOnlyList<OrderId> Unbound);

/// <summary>How an order becomes a planning request.</summary>
public static class AllocationRequests
{
    /// <summary>
    /// The units of <paramref name="order"/> still without an allocation (all of them on a first allocation; the
    /// backordered rest later), each under its order line number.
    /// </summary>
    public static AllocationRequest ForOrder(Order order) =>
        ForOpenLines(order.Id, order.Channel, order.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity, l.AllocatedQuantity)), order.ShipTo.Country,
            order.ServiceLevel, order.Priority, order.CapturedAt);

    /// <summary>The same request from the order read model (for the dry run, which never reads the write side).</summary>
    public static AllocationRequest ForOrder(OrderView order) =>
        ForOpenLines(new OrderId(order.Id), ChannelCode.Of(order.Channel), order.Lines.Select(l => (l.LineNumber, SkuCode.Of(l.Sku), l.Quantity, l.AllocatedQuantity)),
            order.ShipTo.Country, order.ServiceLevel, order.Priority, order.CapturedAt);

    private static AllocationRequest ForOpenLines(OrderId id, ChannelCode channel, IEnumerable<(int LineNumber, SkuCode Sku, int Quantity, int Allocated)> lines,
        string shipToCountry, ServiceLevel serviceLevel, OrderPriority priority, DateTimeOffset placedAt) =>
        new(id, channel,
            [.. lines.Where(l => l.Quantity > l.Allocated).Select(l => new AllocationRequestLine(l.LineNumber, l.Sku, l.Quantity - l.Allocated))],
            shipToCountry, null, serviceLevel, priority, placedAt);
}
