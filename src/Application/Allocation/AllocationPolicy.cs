using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>
/// A channel's allocation policy as the planner reads it: a <see cref="ChannelPolicy"/> (which checked its rules and
/// locations when it was set) with its eligible locations resolved. <see cref="EligibleLocations"/> are the primary
/// locations in the channel's preference order (the last tie-break); <see cref="AlternateLocations"/> (3PL, drop-ship
/// suppliers) serve only what the primary ones cannot.
/// </summary>
public sealed record AllocationPolicy(
    ChannelCode Channel,
    IReadOnlyList<LocationCode> EligibleLocations,
    IReadOnlyList<AllocationRule> RuleOrder,
    bool SplitAllowed,
    bool BackorderAllowed,
    bool SubstitutionAllowed = false,
    IReadOnlyList<LocationCode>? AlternateLocations = null,
    OrderPriority? SafetyStockDrawFrom = null)
{
    /// <summary>Orders at or above <see cref="SafetyStockDrawFrom"/> may use safety stock; null: no order may.</summary>
    public bool MayDrawOnSafetyStock(OrderPriority priority) => SafetyStockDrawFrom is { } threshold && priority >= threshold;
}
