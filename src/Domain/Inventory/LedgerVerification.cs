using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>The ledger's invariant: every bucket of every balance equals the net of its entries and is never negative.</summary>
public static class LedgerVerification
{
    public static IReadOnlyList<LedgerMismatch> FindMismatches(
        IEnumerable<(SkuCode Sku, LocationCode Location, StockLevels Levels)> balances, IEnumerable<BucketTotal> totals)
    {
        var ledger = totals.ToDictionary(t => (t.Sku, t.Location, t.Bucket), t => t.Net);
        var mismatches = new List<LedgerMismatch>();
        var seen = new HashSet<(SkuCode, LocationCode)>();
        foreach (var (sku, location, levels) in balances)
        {
            seen.Add((sku, location));
            foreach (var bucket in Enum.GetValues<StockBucket>())
            {
                var net = ledger.GetValueOrDefault((sku, location, bucket));
                if (levels[bucket] != net || levels[bucket] < 0)
                    mismatches.Add(new LedgerMismatch(sku.Value, location.Value, bucket, levels[bucket], net));
            }
        }
        // Entries of a balance that does not exist are a mismatch against zero.
        mismatches.AddRange(ledger
            .Where(t => t.Value != 0 && !seen.Contains((t.Key.Sku, t.Key.Location)))
            .Select(t => new LedgerMismatch(t.Key.Sku.Value, t.Key.Location.Value, t.Key.Bucket, 0, t.Value)));
        return mismatches;
    }

    /// <summary>The bucket totals of a set of entries, as the ledger query computes them in the database.</summary>
    public static IEnumerable<BucketTotal> Totals(IEnumerable<LedgerEntry> entries) => entries
        .SelectMany(e => new[] { (e.Sku, e.Location, Bucket: e.To, Delta: (long)e.Quantity), (e.Sku, e.Location, Bucket: e.From, Delta: -(long)e.Quantity) })
        .Where(x => x.Bucket is not null)
        .GroupBy(x => (x.Sku, x.Location, Bucket: x.Bucket!.Value))
        .Select(g => new BucketTotal(g.Key.Sku, g.Key.Location, g.Key.Bucket, g.Sum(x => x.Delta)));
}
