namespace EcomErp.Domain.Inventory;

/// <summary>
/// The four-eyes limit a new stock adjustment is held to (decision 071): the approval threshold applies to the units of its
/// SKU at its location adjusted in the rolling period before it (either way, by anybody, applied or still waiting for
/// approval) plus its own, so ten adjustments of 10 need a second person as one of 100 does.
/// </summary>
/// <param name="Threshold">Units (either way) the period may adjust without a second person's approval.</param>
/// <param name="Period">How far back earlier adjustments count.</param>
/// <param name="Before">The earlier adjustments that count.</param>
public sealed record AdjustmentApprovalLimit(int Threshold, TimeSpan Period, AdjustedBefore Before)
{
    /// <summary>No size waits: the system's own opening stock.</summary>
    public static AdjustmentApprovalLimit None { get; } = new(int.MaxValue, TimeSpan.Zero, AdjustedBefore.Nothing);

    /// <summary>The threshold for an adjustment with nothing adjusted before it.</summary>
    public static AdjustmentApprovalLimit Alone(int threshold) => new(threshold, TimeSpan.Zero, AdjustedBefore.Nothing);

    /// <summary>Units (either way) of the period once <paramref name="quantityChange"/> is added.</summary>
    public long UnitsWith(int quantityChange) => Before.Units + Math.Abs((long)quantityChange);

    public bool NeedsApproval(int quantityChange) => UnitsWith(quantityChange) > Threshold;
}
