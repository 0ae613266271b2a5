using EcomErp.Application.Allocation;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>
/// The hot path allocates the per-order result and nothing per line: a line adds only its slots in the plan's
/// struct arrays (a LinePlan and a PlannedAllocation, about 120 bytes), never an object of its own.
/// </summary>
public sealed class AllocationHeapTests
{
    private const int Orders = 2_000;
    private const int BytesPerLineSlots = 160;

    [Fact]
    public void Plan_OnAWarmPlanner_AllocatesPerOrderNotPerLine()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithLocation("WH-B")
            .WithStock("TEE", "WH-A", 1_000_000).WithStock("CAP", "WH-B", 1_000_000).WithStock("HAT", "WH-B", 1_000_000).Build();
        var policy = new PolicyBuilder().Eligible("WH-A", "WH-B").Build();
        var oneLine = new AllocationOrderBuilder().WithLine("TEE", 1).Build();
        var threeLines = new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("CAP", 1).WithLine("HAT", 1).Build();
        var planner = new AllocationPlanner();
        BytesPerPlan(planner, oneLine, policy, stock);
        BytesPerPlan(planner, threeLines, policy, stock);

        var perOrder = BytesPerPlan(planner, oneLine, policy, stock);
        var perExtraLine = (BytesPerPlan(planner, threeLines, policy, stock) - perOrder) / 2;

        Assert.InRange(perExtraLine, 1, BytesPerLineSlots);
    }

    [Fact]
    public void PlanBatch_AddsOnlyItsSequenceToThePerOrderResults()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithStock("TEE", "WH-A", 1_000_000).Build();
        var policy = new PolicyBuilder().Eligible("WH-A").Build();
        var orders = Enumerable.Range(1, Orders).Select(i => new AllocationOrderBuilder().WithId(i).WithLine("TEE", 1).Build()).ToArray();
        var policies = new Dictionary<ChannelCode, AllocationPolicy> { [policy.Channel] = policy };
        var planner = new AllocationPlanner();
        planner.PlanBatch(orders, policies, stock);
        var perPlan = BytesPerPlan(planner, orders[0], policy, stock);

        var before = GC.GetAllocatedBytesForCurrentThread();
        planner.PlanBatch(orders, policies, stock);
        var perBatchedOrder = (GC.GetAllocatedBytesForCurrentThread() - before) / Orders;

        Assert.InRange(perBatchedOrder - perPlan, 0, 100);
    }

    private static long BytesPerPlan(AllocationPlanner planner, AllocationRequest order, AllocationPolicy policy, StockSnapshot stock)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Orders; i++)
            planner.Plan(order, policy, stock);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Orders;
    }
}
