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
public sealed class AllocationSetupLoader(ICatalog catalog, IChannelRepository channels)
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
        var substitutes = new Dictionary<SkuCode, IReadOnlyList<SkuCode>>();
        if (policy.SubstitutionAllowed)
        {
            var listed = known.Values.SelectMany(s => s.Substitutes).Except(ordered).Distinct().ToList();
            var existing = listed.Count == 0 ? new Dictionary<SkuCode, Sku>() : await catalog.FindSkusAsync(listed, cancellationToken);
            foreach (var sku in known.Values.Where(s => s.Substitutes.Count > 0))
            {
                // An inactive or deleted substitute is simply not offered; it is not the order's mistake.
                var usable = sku.Substitutes.Where(c => (existing.TryGetValue(c, out var s) && s.IsActive) || known.ContainsKey(c)).ToList();
                if (usable.Count > 0)
                    substitutes[sku.Code] = usable;
            }
        }
        var networkSkus = ordered.Where(known.ContainsKey).Concat(substitutes.Values.SelectMany(s => s)).Distinct().ToList();

        var byCode = locations.ToDictionary(l => l.Code);
        var networkLocations = policy.EligibleLocations.Concat(policy.AlternateLocations ?? []).Distinct()
            .Where(byCode.ContainsKey).Select(code => byCode[code]).ToList();
        var currencies = networkLocations.Select(l => l.CostCurrency).Distinct().ToList();
        if (currencies.Count > 1)
            return new Error(AllocationErrors.LocationInvalidCode,
                $"Channel {channel.Code}'s locations price shipments in {string.Join(", ", currencies)}; one currency is needed to compare split costs.",
                "locations");
        var network = AllocationNetwork.Create(networkSkus,
            [.. networkLocations.Select(l => AllocationLocation.From(l, l.ShipmentCostMinor, l.ExpediteCostMinor))],
            Currency.Of(currencies.FirstOrDefault() ?? Location.DefaultCostCurrency), substitutes);
        if (network.IsFailure)
            return Result<AllocationSetup>.Failure(network.Errors);
        return AllocationSetup.Create(request, policy, network.Value);
    }
}

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
