using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Catalog;

/// <summary>
/// A channel's policy as stored, with <see cref="ResolvedEligibleLocations"/>: the locations it ships from today
/// (for a policy that follows the warehouse network, the active warehouses by priority).
/// </summary>
public sealed record ChannelPolicyView(
    string Channel, int Version, bool FollowsWarehouseNetwork, IReadOnlyList<string> EligibleLocations,
    IReadOnlyList<string> ResolvedEligibleLocations, IReadOnlyList<string> AlternateLocations, bool SplitAllowed, bool BackorderAllowed,
    bool SubstitutionAllowed, IReadOnlyList<string> RuleOrder, int? StockSharePercent, int? StockCapPerSku,
    OrderPriority? SafetyStockDrawFrom, int ShipBySlaHours)
{
    public static ChannelPolicyView From(Channel channel, IEnumerable<Location> locations)
    {
        var policy = channel.Policy;
        return new ChannelPolicyView(channel.Code.Value, channel.Version, policy.FollowsWarehouseNetwork,
            [.. policy.EligibleLocations.Select(l => l.Value)], [.. policy.EligibleAmong(locations).Select(l => l.Value)],
            [.. policy.AlternateLocations.Select(l => l.Value)], policy.SplitAllowed, policy.BackorderAllowed, policy.SubstitutionAllowed,
            [.. policy.RuleOrder.Select(r => r.ToString())], policy.StockSharePercent, policy.StockCapPerSku, policy.SafetyStockDrawFrom, policy.ShipBySlaHours);
    }
}

/// <summary>The one translation from a channel's stored policy to what the allocation planner decides with.</summary>
public static class ChannelAllocationPolicy
{
    /// <summary>The planner's policy for <paramref name="channel"/>, its eligible locations resolved against <paramref name="locations"/>.</summary>
    public static AllocationPolicy ToAllocationPolicy(this Channel channel, IEnumerable<Location> locations)
    {
        var policy = channel.Policy;
        return new AllocationPolicy(channel.Code, policy.EligibleAmong(locations),
            policy.RuleOrder, policy.SplitAllowed, policy.BackorderAllowed,
            policy.SubstitutionAllowed, policy.AlternateLocations, policy.SafetyStockDrawFrom);
    }
}
