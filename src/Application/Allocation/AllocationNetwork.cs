using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>A location as the planner sees it, with what a shipment from it costs (minor units of the network's currency).</summary>
public sealed record AllocationLocation(
    LocationCode Code, LocationKind Kind, string Region, int Priority, long ShipmentCostMinor, long ExpediteCostMinor)
{
    public static AllocationLocation From(Location location, long shipmentCostMinor, long expediteCostMinor) =>
        new(location.Code, location.Kind, location.Region, location.Priority, shipmentCostMinor, expediteCostMinor);

    /// <summary>
    /// The split/expedite cost of one shipment from here (decision 006), the one statement of the rule: a shipment after
    /// the plan's first adds this location's shipment cost; an express or next-day one from outside the ship-to region
    /// adds its expedite cost.
    /// </summary>
    public long SplitCostMinor(bool firstShipment, ServiceLevel serviceLevel, bool inShipToRegion) =>
        (firstShipment ? 0 : ShipmentCostMinor) + (serviceLevel != ServiceLevel.Standard && !inShipToRegion ? ExpediteCostMinor : 0);
}

/// <summary>
/// The SKUs, locations and substitutes a planner works over, each given a dense integer id once, so a
/// balance lives at <c>sku * LocationCount + location</c> in a <see cref="StockSnapshot"/> (see decision 006).
/// Immutable; build it when master data changes, not per order.
/// </summary>
public sealed class AllocationNetwork
{
    private readonly Dictionary<SkuCode, int> _skuIds;
    private readonly Dictionary<LocationCode, int> _locationIds;

    private AllocationNetwork(SkuCode[] skus, Dictionary<SkuCode, int> skuIds, AllocationLocation[] locations,
        Dictionary<LocationCode, int> locationIds, int[][] substitutes, Currency costCurrency)
    {
        Skus = skus;
        _skuIds = skuIds;
        Locations = locations;
        LocationsById = locations;
        _locationIds = locationIds;
        SubstituteIds = substitutes;
        CostCurrency = costCurrency;
    }

    public IReadOnlyList<SkuCode> Skus { get; }

    public IReadOnlyList<AllocationLocation> Locations { get; }

    public Currency CostCurrency { get; }

    public int SkuCount => Skus.Count;

    public int LocationCount => Locations.Count;

    internal AllocationLocation[] LocationsById { get; }

    /// <summary>Allowed substitutes per SKU id, in the order they are tried.</summary>
    internal int[][] SubstituteIds { get; }

    public static Result<AllocationNetwork> Create(IReadOnlyList<SkuCode> skus, IReadOnlyList<AllocationLocation> locations,
        Currency costCurrency, IReadOnlyDictionary<SkuCode, IReadOnlyList<SkuCode>>? substitutes = null)
    {
        var errors = new List<Error>();
        var skuIds = new Dictionary<SkuCode, int>(skus.Count);
        for (var i = 0; i < skus.Count; i++)
        {
            if (!skuIds.TryAdd(skus[i], i))
                errors.Add(AllocationErrors.DuplicateSku(skus[i]));
        }
        var locationIds = new Dictionary<LocationCode, int>(locations.Count);
        for (var i = 0; i < locations.Count; i++)
        {
            var location = locations[i];
            if (!locationIds.TryAdd(location.Code, i))
                errors.Add(AllocationErrors.DuplicateLocation("locations", location.Code));
            if (string.IsNullOrWhiteSpace(location.Region))
                errors.Add(AllocationErrors.LocationInvalid(location.Code, "a region is required."));
            if (location.ShipmentCostMinor < 0 || location.ExpediteCostMinor < 0)
                errors.Add(AllocationErrors.LocationInvalid(location.Code, "shipment and expedite costs cannot be negative."));
        }
        var substituteIds = new int[skus.Count][];
        for (var i = 0; i < skus.Count; i++)
        {
            substituteIds[i] = [];
            if (skuIds[skus[i]] != i || substitutes is null || !substitutes.TryGetValue(skus[i], out var allowed))
                continue;
            var ids = new List<int>(allowed.Count);
            foreach (var substitute in allowed)
            {
                if (!skuIds.TryGetValue(substitute, out var id) || id == i)
                    errors.Add(AllocationErrors.UnknownSubstitute(skus[i], substitute));
                else if (!ids.Contains(id))
                    ids.Add(id);
            }
            substituteIds[i] = [.. ids];
        }
        if (errors.Count > 0)
            return Result<AllocationNetwork>.Failure(errors);
        var normalized = locations.Select(l => l with { Region = l.Region.Trim().ToUpperInvariant() }).ToArray();
        return new AllocationNetwork([.. skus], skuIds, normalized, locationIds, substituteIds, costCurrency);
    }

    public bool TryGetSkuId(SkuCode sku, out int id) => _skuIds.TryGetValue(sku, out id);

    public bool TryGetLocationId(LocationCode location, out int id) => _locationIds.TryGetValue(location, out id);

    /// <summary>An empty snapshot (nothing available, no safety stock) over this network.</summary>
    public StockSnapshot CreateSnapshot() => new(this);
}
