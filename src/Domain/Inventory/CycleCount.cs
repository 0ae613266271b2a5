namespace EcomErp.Domain.Inventory;

/// <summary>
/// What a cycle count found: the units counted, the book they were compared with (the units on hand, decision 091), and the
/// correction of Available the difference caused (null when they matched, or when Available held none of what was missing).
/// </summary>
public sealed record CycleCount(int CountedQuantity, int BookQuantity, StockAdjustment? Correction)
{
    public int Variance => CountedQuantity - BookQuantity;

    /// <summary>
    /// Units found missing that no correction took off the book (never negative): Available did not hold them, so they were
    /// reserved or picked for orders (whose picks record them short), held, damaged or awaiting inspection.
    /// </summary>
    public int UnsettledQuantity => (Correction?.QuantityChange ?? 0) - Variance;
}
