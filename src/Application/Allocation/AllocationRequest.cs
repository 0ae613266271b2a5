using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>
/// An order as the planner sees it. Ship-to region and country are both matched against a location's
/// region (a location's region is an ISO country code or a named zone); the region may be left out.
/// </summary>
public sealed record AllocationRequest(
    OrderId OrderId,
    ChannelCode Channel,
    IReadOnlyList<AllocationRequestLine> Lines,
    string ShipToCountry,
    string? ShipToRegion,
    ServiceLevel ServiceLevel,
    OrderPriority Priority,
    DateTimeOffset PlacedAt)
{
    /// <summary>Batch planning order: higher priority first, then older first, then order id (so ties are deterministic).</summary>
    public static IComparer<AllocationRequest> PlanningOrder { get; } = Comparer<AllocationRequest>.Create((a, b) =>
    {
        // As numbers: Enum.CompareTo takes an object and would box on every comparison.
        var byPriority = ((int)b.Priority).CompareTo((int)a.Priority);
        if (byPriority != 0)
            return byPriority;
        var byAge = a.PlacedAt.UtcTicks.CompareTo(b.PlacedAt.UtcTicks);
        return byAge != 0 ? byAge : a.OrderId.Value.CompareTo(b.OrderId.Value);
    });
}

/// <summary>
/// One line to plan: the order's line number (carried into the plan, so nobody maps plan lines back by position) and
/// the units still to allocate. The order's capture rules made it valid (decision 020); the planner does not check it again.
/// </summary>
public readonly record struct AllocationRequestLine(int LineNumber, SkuCode Sku, int Quantity);
