using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>The outcome of planning a batch: plans in planning order, and the orders refused with their errors.</summary>
public sealed record AllocationBatchResult(IReadOnlyList<AllocationPlan> Plans, IReadOnlyList<RejectedAllocation> Rejected);

public sealed record RejectedAllocation(OrderId OrderId, IReadOnlyList<Error> Errors);

/// <summary>Batch planning: orders the batch, binds each order to its channel's policy and plans them one by one.</summary>
public static class AllocationBatch
{
    /// <summary>
    /// Plans many orders on one snapshot in <see cref="AllocationRequest.PlanningOrder"/> (priority, then age), so
    /// earlier orders are served first and no unit is planned twice. An order that repeats, has no policy or does not
    /// bind to the snapshot's network (<see cref="AllocationSetup.Create"/>) is rejected with its errors, not thrown.
    /// </summary>
    public static AllocationBatchResult PlanBatch(this AllocationPlanner planner, IReadOnlyList<AllocationRequest> orders,
        IReadOnlyDictionary<ChannelCode, AllocationPolicy> policies, StockSnapshot stock)
    {
        var sequence = new AllocationRequest[orders.Count];
        for (var i = 0; i < sequence.Length; i++)
            sequence[i] = orders[i];
        Array.Sort(sequence, AllocationRequest.PlanningOrder);
        var plans = new List<AllocationPlan>(sequence.Length);
        var rejected = new List<RejectedAllocation>();
        var seen = new HashSet<OrderId>(sequence.Length);
        foreach (var order in sequence)
        {
            if (!seen.Add(order.OrderId))
            {
                rejected.Add(new RejectedAllocation(order.OrderId, [AllocationErrors.DuplicateOrder(order.OrderId)]));
                continue;
            }
            if (!policies.TryGetValue(order.Channel, out var policy))
            {
                rejected.Add(new RejectedAllocation(order.OrderId, [AllocationErrors.NoPolicyForChannel(order.Channel)]));
                continue;
            }
            var setup = AllocationSetup.Create(order, policy, stock.Network);
            if (setup.IsSuccess)
                plans.Add(planner.Plan(setup.Value, stock));
            else
                rejected.Add(new RejectedAllocation(order.OrderId, setup.Errors));
        }
        return new AllocationBatchResult(plans, rejected);
    }
}
