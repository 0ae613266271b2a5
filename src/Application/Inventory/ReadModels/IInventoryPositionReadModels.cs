namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// Which positions a list shows, codes already normalised: SKUs whose code or folded name contains <see cref="Search"/>,
/// holding a balance at <see cref="Location"/>, below safety stock (at that location, or at any); <see cref="Size"/>
/// of them in SKU code order after the SKU <see cref="After"/>.
/// </summary>
public sealed record InventoryPositionListRequest(string? Search, string? Location, bool BelowSafetyStock, int Size, string? After);

/// <summary>A page of positions in SKU code order, whether more follow, and how many the filter matches.</summary>
public sealed record InventoryPositionPage(IReadOnlyList<InventoryPositionView> Positions, bool HasNextPage, int TotalCount);

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
}
