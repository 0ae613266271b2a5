namespace EcomErp.Application.Inventory.ReadModels;

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
}
