using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// One SKU's stock as the read side serves it: every location's buckets and safety stock, in location code
/// order, stamped with the newest outbox sequence applied to it.
/// </summary>
public sealed record InventoryPositionView(string Sku, IReadOnlyList<LocationPositionView> Locations, long LastSequence)
{
    public static InventoryPositionView From(string sku, IEnumerable<InventoryBalance> balances, long lastSequence) =>
        new(sku, [.. balances.OrderBy(b => b.Location.Value, StringComparer.Ordinal).Select(LocationPositionView.From)], lastSequence);
}

/// <summary>The buckets and safety stock of one SKU at one location.</summary>
public sealed record LocationPositionView(string Location, StockLevels Levels, int SafetyStock)
{
    public static LocationPositionView From(InventoryBalance balance) => new(balance.Location.Value, balance.Levels, balance.SafetyStock);
}
