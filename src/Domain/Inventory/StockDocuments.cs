using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>What purchase orders and transfers share: their line rules and how they post to the balances they were given.</summary>
internal static class StockDocuments
{
    /// <summary>Some lines, not too many, one line per SKU.</summary>
    internal static Error? CheckLines(IReadOnlyList<SkuCode> skus)
    {
        if (skus.Count == 0)
            return new Error(InventoryErrors.NoLinesCode, "At least one line is required.", "lines");
        if (skus.Count > InventoryErrors.MaxLines)
            return new Error(InventoryErrors.TooManyLinesCode, $"At most {InventoryErrors.MaxLines} lines.", "lines");
        return skus.Distinct().Count() != skus.Count
            ? new Error(InventoryErrors.DuplicateLineCode, "A SKU appears on more than one line; add the quantities.", "lines")
            : null;
    }

    /// <summary>
    /// Posts one move of a document (nothing for zero units). The document checked the quantities against the
    /// balances and its own bookings first, so a refusal here means the ledger and the document disagree.
    /// </summary>
    internal static void Post(IReadOnlyDictionary<SkuCode, InventoryBalance> balances, LocationCode location, SkuCode sku, StockBucket? from,
        StockBucket? to, int quantity, string reasonCode, string reference, Actor actor, DateTimeOffset at)
    {
        if (quantity == 0)
            return;
        var balance = balances.TryGetValue(sku, out var found) && found.Location == location
            ? found
            : throw new ArgumentException($"The balance of {sku} at {location} was not given.", nameof(balances));
        var posted = balance.Post(from, to, quantity, reasonCode, reference, actor, at);
        if (posted.IsFailure)
            throw new InvalidOperationException($"{reference} cannot post to the ledger: {posted.Error}");
    }
}
