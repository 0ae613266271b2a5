using CsCheck;
using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using static EcomErp.Application.Tests.Allocation.AllocationPropertyTests;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>
/// The automation's batch (decision 051) plans the orders of several channels on one network over all their SKUs,
/// substitutes and locations; the single-order path plans each order on a network of its own SKUs (and their substitutes
/// where its channel allows) at its channel's locations. On the same random balances, policies and orders, taken in the
/// same priority-then-age order, both must come to the same reservations, backorders and shortfalls.
/// </summary>
public sealed class BatchedAllocationPropertyTests
{
    private const string Marketplace = "MKT";

    public sealed record TwoChannels(Scenario Web, int MarketplaceFirstLocation, bool MarketplaceSplit, bool MarketplaceBackorder,
        bool MarketplaceSubstitution, AllocationRule[] MarketplaceRules, bool[] OnMarketplace);

    private static readonly Gen<TwoChannels> GenTwoChannels =
        from web in GenScenario
        from first in Gen.Int[0, web.LocationCount - 1]
        from split in Gen.Bool
        from backorder in Gen.Bool
        from substitution in Gen.Bool
        from rules in Gen.Shuffle(Enum.GetValues<AllocationRule>(), 0, 4)
        from onMarketplace in Gen.Bool.Array[web.Orders.Length]
        select new TwoChannels(web, first, split, backorder, substitution, rules, onMarketplace);

    [Fact]
    public void PlanBatch_OnTheUnionNetwork_ReservesBackordersAndShortsAsTheSingleOrderPathDoes()
    {
        GenTwoChannels.Sample(input =>
        {
            var (policies, orders) = Build(input);
            var union = input.Web.BuildStock();

            var batched = new AllocationPlanner().PlanBatch(orders, policies, union);
            var single = PlanOneByOne(input.Web, policies, orders);

            Assert.Empty(batched.Rejected);
            Assert.Equal(single, batched.Plans.Select(Describe).ToList());
        }, iter: 400);
    }

    private static (Dictionary<ChannelCode, AllocationPolicy> Policies, List<AllocationRequest> Orders) Build(TwoChannels input)
    {
        var web = input.Web.BuildPolicy();
        var marketplace = new PolicyBuilder(Marketplace)
            .Eligible([.. Enumerable.Range(input.MarketplaceFirstLocation, input.Web.LocationCount - input.MarketplaceFirstLocation).Select(Scenario.Location)])
            .WithRules(input.MarketplaceRules)
            .AllowingSubstitution(input.MarketplaceSubstitution);
        if (!input.MarketplaceSplit)
            marketplace.ShipComplete();
        if (!input.MarketplaceBackorder)
            marketplace.WithoutBackorders();
        var policies = new Dictionary<ChannelCode, AllocationPolicy> { [web.Channel] = web, [ChannelCode.Of(Marketplace)] = marketplace.Build() };
        var orders = input.Web.BuildOrders().Select((o, i) => input.OnMarketplace[i] ? o with { Channel = ChannelCode.Of(Marketplace) } : o).ToList();
        return (policies, orders);
    }

    /// <summary>What the single path does per order: a network of the order's own SKUs at its channel's locations, balances as the earlier orders left them.</summary>
    private static List<string> PlanOneByOne(Scenario scenario, Dictionary<ChannelCode, AllocationPolicy> policies, List<AllocationRequest> orders)
    {
        var available = (int[])scenario.Available.Clone();
        var whole = scenario.BuildStock().Network;
        var planner = new AllocationPlanner();
        var described = new List<string>();
        foreach (var order in orders.Order(AllocationRequest.PlanningOrder))
        {
            var policy = policies[order.Channel];
            var ordered = order.Lines.Select(l => l.Sku).Distinct().ToList();
            var substitutes = new Dictionary<SkuCode, IReadOnlyList<SkuCode>>();
            if (policy.SubstitutionAllowed)
            {
                foreach (var sku in ordered)
                {
                    var index = int.Parse(sku.Value[4..]);
                    if (scenario.SubstituteOf[index] >= 0 && scenario.SubstituteOf[index] != index)
                        substitutes[sku] = [SkuCode.Of(Scenario.Sku(scenario.SubstituteOf[index]))];
                }
            }
            var skus = ordered.Concat(substitutes.Values.SelectMany(s => s)).Distinct().ToList();
            var locations = policy.EligibleLocations.Concat(policy.AlternateLocations ?? []).Distinct()
                .Select(code => whole.Locations.Single(l => l.Code == code)).ToList();
            var network = AllocationNetwork.Create(skus, locations, whole.CostCurrency, substitutes);
            Assert.True(network.IsSuccess, string.Join("; ", network.Errors));
            var snapshot = network.Value.CreateSnapshot();
            foreach (var sku in skus)
            {
                foreach (var location in locations)
                {
                    var index = scenario.Index(int.Parse(sku.Value[4..]), int.Parse(location.Code.Value[4..]));
                    Assert.True(snapshot.Set(sku, location.Code, available[index], scenario.SafetyStock[index]).IsSuccess);
                }
            }
            var plan = planner.Plan(order, policy, snapshot);
            Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
            foreach (var allocation in plan.Value.Allocations)
                available[scenario.Index(int.Parse(allocation.Sku.Value[4..]), int.Parse(allocation.Location.Value[4..]))] -= allocation.Quantity;
            described.Add(Describe(plan.Value));
        }
        return described;
    }

    private static string Describe(AllocationPlan plan) =>
        $"{plan.OrderId} {plan.Status} {plan.EstimatedSplitCost} [{string.Join(",", plan.ShipFrom)}] "
        + string.Join(" | ", plan.Lines.Select(l => $"{l.Sku}/{l.Substitute} {l.Allocated}+{l.Backordered}+{l.Short} {l.DecidedBy} {l.ComparedWith} "
            + string.Join(",", l.Allocations.ToArray().Select(a => $"{a.Quantity}@{a.Location}"))));
}
