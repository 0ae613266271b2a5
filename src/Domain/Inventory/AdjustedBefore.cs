namespace EcomErp.Domain.Inventory;

/// <summary>
/// Earlier adjustments of one SKU at one location counted against the threshold: their units (either way), how many there
/// are, and the latest of them (at most <see cref="LatestShown"/>, newest first) for the approver to see.
/// </summary>
public sealed record AdjustedBefore(long Units, int Count, IReadOnlyList<CountedAdjustment> Latest)
{
    public const int LatestShown = 10;

    public static AdjustedBefore Nothing { get; } = new(0, 0, []);

    public static AdjustedBefore Of(IReadOnlyCollection<CountedAdjustment> adjustments) => new(
        adjustments.Sum(a => Math.Abs((long)a.QuantityChange)), adjustments.Count,
        [.. adjustments.OrderByDescending(a => a.RequestedAt).Take(LatestShown)]);
}
