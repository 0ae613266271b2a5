using CsCheck;
using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>Batch planning over random snapshots, policies and orders.</summary>
public sealed class AllocationPropertyTests
{
    private static readonly string[] Regions = ["DE", "FR", "PL"];

    public sealed record OrderSpec(int[] Skus, int[] Quantities, int Priority, int Minutes, int Region, int ServiceLevel);

    public sealed record Scenario(
        int SkuCount, int LocationCount, int AlternateCount, int[] Available, int[] SafetyStock, int[] LocationRegions, int[] Priorities,
        int[] SubstituteOf, bool Split, bool Backorder, bool Substitution, AllocationRule[] Rules, int DrawFrom, OrderSpec[] Orders)
    {
        public bool AnyOrderMayDraw => DrawFrom <= (int)OrderPriority.Urgent;

        public int Index(int sku, int location) => sku * LocationCount + location;

        public static string Sku(int sku) => $"SKU-{sku}";

        public static string Location(int location) => $"LOC-{location}";

        public StockSnapshot BuildStock()
        {
            var builder = new StockBuilder();
            for (var l = 0; l < LocationCount; l++)
                builder.WithLocation(Location(l), Regions[LocationRegions[l]], Priorities[l], l < LocationCount - AlternateCount ? LocationKind.Warehouse : LocationKind.ThirdPartyLogistics);
            for (var s = 0; s < SkuCount; s++)
            {
                for (var l = 0; l < LocationCount; l++)
                    builder.WithStock(Sku(s), Location(l), Available[Index(s, l)], SafetyStock[Index(s, l)]);
                if (SubstituteOf[s] >= 0 && SubstituteOf[s] != s)
                    builder.WithSubstitutes(Sku(s), Sku(SubstituteOf[s]));
            }
            return builder.Build();
        }

        public AllocationPolicy BuildPolicy()
        {
            var policy = new PolicyBuilder()
                .Eligible([.. Enumerable.Range(0, LocationCount - AlternateCount).Select(Location)])
                .Alternates([.. Enumerable.Range(LocationCount - AlternateCount, AlternateCount).Select(Location)])
                .WithRules(Rules)
                .AllowingSubstitution(Substitution);
            if (!Split)
                policy.ShipComplete();
            if (!Backorder)
                policy.WithoutBackorders();
            if (AnyOrderMayDraw)
                policy.DrawingOnSafetyStockFrom((OrderPriority)DrawFrom);
            return policy.Build();
        }

        public List<AllocationRequest> BuildOrders() =>
        [
            .. Orders.Select((spec, i) =>
            {
                var order = new AllocationOrderBuilder().WithId(i + 1).ShipTo(Regions[spec.Region])
                    .WithPriority((OrderPriority)spec.Priority).PlacedMinutesAfterOpening(spec.Minutes)
                    .WithServiceLevel((ServiceLevel)spec.ServiceLevel);
                for (var l = 0; l < spec.Skus.Length; l++)
                    order.WithLine(Sku(spec.Skus[l]), spec.Quantities[l]);
                return order.Build();
            }),
        ];
    }

    private static Gen<OrderSpec> GenOrder(int skuCount) =>
        from skus in Gen.Shuffle(Enumerable.Range(0, skuCount).ToArray(), 1, Math.Min(skuCount, 4))
        from quantities in Gen.Int[1, 8].Array[skus.Length]
        from priority in Gen.Int[0, 3]
        from minutes in Gen.Int[0, 60]
        from region in Gen.Int[0, 2]
        from serviceLevel in Gen.Int[0, 2]
        select new OrderSpec(skus, quantities, priority, minutes, region, serviceLevel);

    internal static readonly Gen<Scenario> GenScenario =
        from skuCount in Gen.Int[1, 6]
        from locationCount in Gen.Int[1, 5]
        from alternateCount in Gen.Int[0, locationCount - 1]
        from available in Gen.Int[0, 12].Array[skuCount * locationCount]
        from safetyStock in Gen.Int[0, 4].Array[skuCount * locationCount]
        from locationRegions in Gen.Int[0, 2].Array[locationCount]
        from priorities in Gen.Int[0, 3].Array[locationCount]
        from substituteOf in Gen.Int[-1, skuCount - 1].Array[skuCount]
        from split in Gen.Bool
        from backorder in Gen.Bool
        from substitution in Gen.Bool
        from rules in Gen.Shuffle(Enum.GetValues<AllocationRule>(), 0, 4)
        from drawFrom in Gen.Int[0, 4]
        from orders in GenOrder(skuCount).Array[0, 12]
        select new Scenario(skuCount, locationCount, alternateCount, available, safetyStock, locationRegions, priorities,
            substituteOf, split, backorder, substitution, rules, drawFrom, orders);

    private static AllocationBatchResult PlanBatch(Scenario scenario, IEnumerable<AllocationRequest> orders, StockSnapshot stock)
    {
        var policy = scenario.BuildPolicy();
        return new AllocationPlanner().PlanBatch([.. orders], new Dictionary<ChannelCode, AllocationPolicy> { [policy.Channel] = policy }, stock);
    }

    [Fact]
    public void PlanBatch_NeverPlansMoreThanTheUsableStockOfAnySkuAtAnyLocation()
    {
        GenScenario.Sample(scenario =>
        {
            var stock = scenario.BuildStock();
            var batch = PlanBatch(scenario, scenario.BuildOrders(), stock);

            Assert.Empty(batch.Rejected);
            var allocated = new int[scenario.SkuCount * scenario.LocationCount];
            var allocatedWithoutSafetyStock = new int[allocated.Length];
            foreach (var plan in batch.Plans)
            {
                foreach (var allocation in plan.Allocations)
                {
                    var index = scenario.Index(int.Parse(allocation.Sku.Value[4..]), int.Parse(allocation.Location.Value[4..]));
                    allocated[index] += allocation.Quantity;
                    if (!plan.MayDrawOnSafetyStock)
                        allocatedWithoutSafetyStock[index] += allocation.Quantity;
                }
            }
            for (var i = 0; i < allocated.Length; i++)
            {
                Assert.InRange(allocated[i], 0, scenario.Available[i]);
                Assert.InRange(allocatedWithoutSafetyStock[i], 0, Math.Max(0, scenario.Available[i] - scenario.SafetyStock[i]));
                var (sku, location) = (SkuCode.Of(Scenario.Sku(i / scenario.LocationCount)), LocationCode.Of(Scenario.Location(i % scenario.LocationCount)));
                Assert.Equal(scenario.Available[i] - allocated[i], stock.AvailableAt(sku, location));
            }
        }, iter: 500);
    }

    [Fact]
    public void PlanBatch_AccountsForEveryOrderedUnit_AndKeepsTheChannelsSplitAndBackorderPolicy()
    {
        GenScenario.Sample(scenario =>
        {
            var batch = PlanBatch(scenario, scenario.BuildOrders(), scenario.BuildStock());

            foreach (var plan in batch.Plans)
            {
                foreach (var line in plan.Lines)
                {
                    Assert.Equal(line.Ordered, line.Allocated + line.Backordered + line.Short);
                    Assert.Equal(line.Allocated, line.Allocations.ToArray().Sum(a => a.Quantity));
                    Assert.Equal(0, scenario.Backorder ? line.Short : line.Backordered);
                    Assert.All(line.Allocations.ToArray(), a => Assert.Equal(line.Substitute ?? line.Sku, a.Sku));
                }
                Assert.Equal(plan.ShipFrom.Count, plan.Allocations.Select(a => a.Location).Distinct().Count());
                if (!scenario.Split)
                {
                    Assert.InRange(plan.ShipmentCount, 0, 1);
                    Assert.True(plan.Status is AllocationPlanStatus.Complete || plan.Allocations.Count == 0, plan.ToString());
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void PlanBatch_IsDeterministic_WhateverOrderTheOrdersArriveIn()
    {
        GenScenario.Sample(scenario =>
        {
            var orders = scenario.BuildOrders();

            var first = PlanBatch(scenario, orders, scenario.BuildStock());
            var second = PlanBatch(scenario, Enumerable.Reverse(orders), scenario.BuildStock());

            Assert.Equal(Describe(first), Describe(second));
        }, iter: 300);
    }

    private static List<string> Describe(AllocationBatchResult batch) =>
    [
        .. batch.Plans.Select(plan => $"{plan.OrderId} {plan.Status} {plan.EstimatedSplitCost} [{string.Join(",", plan.ShipFrom)}] "
            + string.Join(" | ", plan.Lines.Select(l => $"{l.Sku}/{l.Substitute} {l.Allocated}+{l.Backordered}+{l.Short} {l.DecidedBy} {l.ComparedWith} "
                + string.Join(",", l.Allocations.ToArray().Select(a => $"{a.Quantity}@{a.Location}"))))),
    ];
}
