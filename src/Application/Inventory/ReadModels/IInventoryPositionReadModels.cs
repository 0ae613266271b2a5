namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// Which positions a list shows, codes already normalised: SKUs whose code or folded name contains <see cref="Search"/>,
/// holding a balance at <see cref="Location"/>, below safety stock (at that location, or at any), with units backordered
/// by open orders; <see cref="Size"/> of them in <see cref="Sort"/> order after the SKU <see cref="After"/>.
/// </summary>
public sealed record InventoryPositionListRequest(
    string? Search, string? Location, bool BelowSafetyStock, int Size, string? After, bool HasBackorders = false, PositionSort Sort = PositionSort.Sku);

/// <summary>The order of the position list; SKU code breaks ties.</summary>
public enum PositionSort
{
    /// <summary>SKU code, ascending.</summary>
    Sku = 0,

    /// <summary>Units backordered by open orders, most first.</summary>
    BackorderedUnits = 1,
}

/// <summary>
/// A page of positions in the list's order, whether more follow, how many the filter matches, and the units open orders
/// have backordered of each SKU on the page (absent: none).
/// </summary>
public sealed record InventoryPositionPage(
    IReadOnlyList<InventoryPositionView> Positions, bool HasNextPage, int TotalCount, IReadOnlyDictionary<string, int>? BackorderedUnits = null)
{
    public int BackorderedOf(string sku) => BackorderedUnits?.GetValueOrDefault(sku) ?? 0;
}

/// <summary>One order line waiting for stock of a SKU: the units backordered and when the order was captured.</summary>
public sealed record BackorderedLineView(Guid OrderId, string Channel, int LineNumber, int Units, DateTimeOffset CapturedAt);

/// <summary>What open orders wait for of one SKU: the units in all, and the lines, oldest order first (at most the number asked).</summary>
public sealed record BackorderedDemandView(string Sku, int Units, int LineCount, IReadOnlyList<BackorderedLineView> Lines);

/// <summary>The inventory position read models: the cache first, the read table on a miss. Never the write tables.</summary>
public interface IInventoryPositionReadModels
{
    /// <summary>The SKU's position, or null when no balance of it has been projected (or the code is not a SKU code).</summary>
    Task<InventoryPositionView?> GetAsync(string sku, CancellationToken cancellationToken);

    /// <summary>
    /// The positions of many SKUs in one cache round trip (and one read-table query for the misses), keyed by SKU code;
    /// SKUs without a projected position are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, InventoryPositionView>> GetManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>One page of positions, filtered and paged in the read table.</summary>
    Task<InventoryPositionPage> ListAsync(InventoryPositionListRequest request, CancellationToken cancellationToken);

    /// <summary>The SKU's backordered order lines as the order projection left them, the <paramref name="size"/> oldest.</summary>
    Task<BackorderedDemandView> GetBackorderedDemandAsync(string sku, int size, CancellationToken cancellationToken);
}
