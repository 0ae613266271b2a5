using EcomErp.Domain.Common;

namespace EcomErp.Application.Allocation;

/// <summary>
/// Available and safety stock per (SKU, location) of one <see cref="AllocationNetwork"/>, in two flat arrays
/// indexed by <c>sku * LocationCount + location</c>. Planning takes what it plans out of Available, so a
/// sequence of plans on one snapshot never promises the same unit twice; <see cref="Clone"/> for a dry run.
/// Not thread-safe: one planner works on a snapshot at a time.
/// </summary>
public sealed class StockSnapshot
{
    private readonly int[] _available;
    private readonly int[] _safetyStock;

    internal StockSnapshot(AllocationNetwork network)
    {
        Network = network;
        _available = new int[network.SkuCount * network.LocationCount];
        _safetyStock = new int[_available.Length];
    }

    private StockSnapshot(StockSnapshot source)
    {
        Network = source.Network;
        _available = (int[])source._available.Clone();
        _safetyStock = (int[])source._safetyStock.Clone();
    }

    public AllocationNetwork Network { get; }

    public Result Set(SkuCode sku, LocationCode location, int available, int safetyStock)
    {
        if (!Network.TryGetSkuId(sku, out var skuId))
            return new Error(AllocationErrors.UnknownSkuCode, $"SKU '{sku}' is not in the allocation snapshot.", "sku");
        if (!Network.TryGetLocationId(location, out var locationId))
            return AllocationErrors.UnknownLocation("location", location);
        if (available < 0 || safetyStock < 0)
            return AllocationErrors.BalanceInvalid(sku, location);
        SetById(skuId, locationId, available, safetyStock);
        return Result.Success();
    }

    /// <summary>The bulk loader's form: ids from <see cref="AllocationNetwork.TryGetSkuId"/> and <see cref="AllocationNetwork.TryGetLocationId"/>.</summary>
    public void SetById(int skuId, int locationId, int available, int safetyStock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        ArgumentOutOfRangeException.ThrowIfNegative(safetyStock);
        var index = Index(skuId, locationId);
        _available[index] = available;
        _safetyStock[index] = safetyStock;
    }

    public int AvailableAt(SkuCode sku, LocationCode location) => _available[Index(sku, location)];

    public int SafetyStockAt(SkuCode sku, LocationCode location) => _safetyStock[Index(sku, location)];

    public StockSnapshot Clone() => new(this);

    /// <summary>
    /// What an order may take from one balance: max(0, Available − SafetyStock), or max(0, Available) when its
    /// priority may draw on safety stock. Available to promise sums the same figure over a channel's locations.
    /// </summary>
    public static int UsableStock(int available, int safetyStock, bool drawOnSafetyStock)
    {
        var usable = drawOnSafetyStock ? available : available - safetyStock;
        return usable > 0 ? usable : 0;
    }

    internal int Usable(int skuId, int locationId, bool drawOnSafetyStock)
    {
        var index = skuId * Network.LocationCount + locationId;
        return UsableStock(_available[index], _safetyStock[index], drawOnSafetyStock);
    }

    internal void Take(int skuId, int locationId, int quantity) => _available[skuId * Network.LocationCount + locationId] -= quantity;

    private int Index(int skuId, int locationId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skuId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(skuId, Network.SkuCount);
        ArgumentOutOfRangeException.ThrowIfNegative(locationId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(locationId, Network.LocationCount);
        return skuId * Network.LocationCount + locationId;
    }

    private int Index(SkuCode sku, LocationCode location) =>
        Network.TryGetSkuId(sku, out var skuId) && Network.TryGetLocationId(location, out var locationId)
            ? Index(skuId, locationId)
            : throw new ArgumentException($"{sku} at {location} is not in the allocation snapshot.");
}
