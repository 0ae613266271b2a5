using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Allocation;

public sealed class AllocationPlannerTests
{
    private readonly AllocationPlanner _planner = new();

    private AllocationPlan Plan(AllocationOrderBuilder order, PolicyBuilder policy, StockSnapshot stock)
    {
        var plan = _planner.Plan(order.Build(), policy.Build(), stock);
        Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
        return plan.Value;
    }

    private static string Shipped(LinePlan line) =>
        string.Join(", ", line.Allocations.ToArray().Select(a => $"{a.Quantity}@{a.Location}"));

    [Fact]
    public void Plan_WhenOneLocationServesTheWholeOrder_ShipsEverythingFromItInOneShipment()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-NEAR", region: "DE", priority: 1).WithLocation("WH-FAR", region: "FR", priority: 2)
            .WithStock("TEE", "WH-NEAR", 10).WithStock("TEE", "WH-FAR", 10).WithStock("CAP", "WH-FAR", 10)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 2).WithLine("CAP", 1),
            new PolicyBuilder().Eligible("WH-NEAR", "WH-FAR"), stock);

        Assert.Equal(AllocationPlanStatus.Complete, plan.Status);
        Assert.Equal([LocationCode.Of("WH-FAR")], plan.ShipFrom);
        Assert.Equal("2@WH-FAR", Shipped(plan.Lines[0]));
        Assert.Equal(AllocationReason.OneShipment, plan.Lines[0].DecidedBy);
        Assert.Equal(0, plan.EstimatedSplitCost.MinorUnits);
    }

    [Fact]
    public void Plan_WhenSeveralLocationsServeTheWholeOrder_PrefersTheShipToRegion()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-PARIS", region: "FR", priority: 1).WithLocation("WH-BERLIN", region: "DE", priority: 2)
            .WithStock("TEE", "WH-PARIS", 10).WithStock("TEE", "WH-BERLIN", 10)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 2).ShipTo("DE"), new PolicyBuilder().Eligible("WH-PARIS", "WH-BERLIN"), stock);

        Assert.Equal("2@WH-BERLIN", Shipped(plan.Lines[0]));
        Assert.Equal(AllocationReason.ShipToRegion, plan.Lines[0].DecidedBy);
        Assert.Equal(LocationCode.Of("WH-PARIS"), plan.Lines[0].ComparedWith);
    }

    [Fact]
    public void Plan_MatchesANamedShipToRegionAsWellAsTheCountry()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-DE", region: "DE").WithLocation("WH-NORDIC", region: "NORDICS")
            .WithStock("TEE", "WH-DE", 10).WithStock("TEE", "WH-NORDIC", 10)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 1).ShipTo("SE", region: "nordics"),
            new PolicyBuilder().Eligible("WH-DE", "WH-NORDIC"), stock);

        Assert.Equal("1@WH-NORDIC", Shipped(plan.Lines[0]));
        Assert.Equal(AllocationReason.ShipToRegion, plan.Lines[0].DecidedBy);
    }

    [Fact]
    public void Plan_WhenRegionTies_PrefersTheLocationWithTheHigherPriority()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-B", priority: 2).WithLocation("WH-A", priority: 1)
            .WithStock("TEE", "WH-B", 10).WithStock("TEE", "WH-A", 10)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 2), new PolicyBuilder().Eligible("WH-B", "WH-A"), stock);

        Assert.Equal("2@WH-A", Shipped(plan.Lines[0]));
        Assert.Equal(AllocationReason.LocationPriority, plan.Lines[0].DecidedBy);
    }

    [Fact]
    public void Plan_WhenRegionAndPriorityTie_PrefersTheDeeperStock()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-THIN").WithLocation("WH-DEEP")
            .WithStock("TEE", "WH-THIN", 3).WithStock("TEE", "WH-DEEP", 40)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 2), new PolicyBuilder().Eligible("WH-THIN", "WH-DEEP"), stock);

        Assert.Equal("2@WH-DEEP", Shipped(plan.Lines[0]));
        Assert.Equal(AllocationReason.StockDepth, plan.Lines[0].DecidedBy);
    }

    [Fact]
    public void Plan_WhenEveryRuleTies_FollowsTheChannelsLocationOrder()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-A").WithLocation("WH-B")
            .WithStock("TEE", "WH-A", 10).WithStock("TEE", "WH-B", 10)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 2), new PolicyBuilder().Eligible("WH-B", "WH-A"), stock);

        Assert.Equal("2@WH-B", Shipped(plan.Lines[0]));
        Assert.Equal(AllocationReason.ChannelPreference, plan.Lines[0].DecidedBy);
    }

    [Fact]
    public void Plan_WhenTheRuleOrderPutsRegionBeforeOneShipment_SplitsToShipFromTheRegionFirst()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-LOCAL", region: "DE", shipmentCost: 400).WithLocation("WH-CENTRAL", region: "NL", shipmentCost: 700)
            .WithStock("TEE", "WH-LOCAL", 10).WithStock("TEE", "WH-CENTRAL", 10).WithStock("CAP", "WH-CENTRAL", 10)
            .Build();
        var order = new AllocationOrderBuilder().WithLine("TEE", 2).WithLine("CAP", 1).ShipTo("DE");

        var oneShipmentFirst = Plan(order, new PolicyBuilder().Eligible("WH-LOCAL", "WH-CENTRAL"), stock.Clone());
        var regionFirst = Plan(order, new PolicyBuilder().Eligible("WH-LOCAL", "WH-CENTRAL")
            .WithRules(AllocationRule.ShipToRegion, AllocationRule.OneShipment), stock.Clone());

        Assert.Equal([LocationCode.Of("WH-CENTRAL")], oneShipmentFirst.ShipFrom);
        Assert.Equal(AllocationReason.OneShipment, oneShipmentFirst.Lines[0].DecidedBy);
        Assert.Equal([LocationCode.Of("WH-LOCAL"), LocationCode.Of("WH-CENTRAL")], regionFirst.ShipFrom);
        Assert.Equal("2@WH-LOCAL", Shipped(regionFirst.Lines[0]));
        Assert.Equal(AllocationReason.ShipToRegion, regionFirst.Lines[0].DecidedBy);
        Assert.Equal("1@WH-CENTRAL", Shipped(regionFirst.Lines[1]));
        Assert.Equal(AllocationReason.OnlyCandidate, regionFirst.Lines[1].DecidedBy);
        Assert.Equal(700, regionFirst.EstimatedSplitCost.MinorUnits);
    }

    [Theory]
    [InlineData(true, AllocationPlanStatus.Complete, 2)]
    [InlineData(false, AllocationPlanStatus.Backordered, 0)]
    public void Plan_WhenNoLocationServesTheWholeOrder_SplitsOnlyIfTheChannelAllows(bool splitAllowed, AllocationPlanStatus status, int shipments)
    {
        var stock = new StockBuilder()
            .WithLocation("WH-A").WithLocation("WH-B")
            .WithStock("TEE", "WH-A", 5).WithStock("CAP", "WH-B", 5)
            .Build();
        var policy = new PolicyBuilder().Eligible("WH-A", "WH-B");
        if (!splitAllowed)
            policy.ShipComplete();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("CAP", 1), policy, stock);

        Assert.Equal(status, plan.Status);
        Assert.Equal(shipments, plan.ShipmentCount);
        Assert.Equal(splitAllowed ? 4 : 5, stock.AvailableAt(SkuCode.Of("TEE"), LocationCode.Of("WH-A")));
    }

    [Fact]
    public void Plan_WhenALineIsSpreadOverLocations_SplitsTheLineOnlyIfTheChannelAllows()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithLocation("WH-B").WithStock("TEE", "WH-A", 3).WithStock("TEE", "WH-B", 2).Build();

        var split = Plan(new AllocationOrderBuilder().WithLine("TEE", 5), new PolicyBuilder().Eligible("WH-A", "WH-B"), stock.Clone());
        var complete = Plan(new AllocationOrderBuilder().WithLine("TEE", 5), new PolicyBuilder().Eligible("WH-A", "WH-B").ShipComplete(), stock.Clone());

        Assert.True(split.Lines[0].IsSplit);
        Assert.Equal("3@WH-A, 2@WH-B", Shipped(split.Lines[0]));
        Assert.Equal(AllocationPlanStatus.Backordered, complete.Status);
        Assert.Equal(AllocationReason.ShipCompleteNotPossible, complete.Lines[0].DecidedBy);
    }

    [Fact]
    public void Plan_ShipComplete_ShipsFromTheOneLocationThatHasEverything()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-A", priority: 1).WithLocation("WH-B", priority: 2)
            .WithStock("TEE", "WH-A", 9).WithStock("TEE", "WH-B", 9).WithStock("CAP", "WH-B", 9)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("CAP", 1), new PolicyBuilder().Eligible("WH-A", "WH-B").ShipComplete(), stock);

        Assert.Equal(AllocationPlanStatus.Complete, plan.Status);
        Assert.Equal([LocationCode.Of("WH-B")], plan.ShipFrom);
        Assert.Equal(AllocationReason.OnlyCandidate, plan.Lines[0].DecidedBy);
    }

    [Fact]
    public void Plan_ShipCompleteWithoutBackorders_MarksEveryLineShortForAnInventoryShortfallHold()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithLocation("WH-B").WithStock("TEE", "WH-A", 5).WithStock("CAP", "WH-B", 5).Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("CAP", 2),
            new PolicyBuilder().Eligible("WH-A", "WH-B").ShipComplete().WithoutBackorders(), stock);

        Assert.Equal(AllocationPlanStatus.Short, plan.Status);
        Assert.True(plan.NeedsShortfallHold);
        Assert.Equal([1, 2], plan.Lines.Select(l => l.Short));
        Assert.Empty(plan.Allocations);
    }

    [Theory]
    [InlineData(true, AllocationPlanStatus.Partial, 3, 0)]
    [InlineData(false, AllocationPlanStatus.Short, 0, 3)]
    public void Plan_WhenStockRunsOut_BackordersTheRemainderIfAllowedOtherwiseMarksItShort(
        bool backorderAllowed, AllocationPlanStatus status, int backordered, int shortfall)
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithStock("TEE", "WH-A", 2).Build();
        var policy = new PolicyBuilder().Eligible("WH-A");
        if (!backorderAllowed)
            policy.WithoutBackorders();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 5), policy, stock);

        Assert.Equal(status, plan.Status);
        Assert.Equal((5, 2, backordered, shortfall), (plan.Lines[0].Ordered, plan.Lines[0].Allocated, plan.Lines[0].Backordered, plan.Lines[0].Short));
    }

    [Fact]
    public void Plan_WhenNothingIsInStock_BackordersTheWholeOrder()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithSku("TEE").Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 5), new PolicyBuilder().Eligible("WH-A"), stock);

        Assert.Equal(AllocationPlanStatus.Backordered, plan.Status);
        Assert.Equal(AllocationReason.NoStock, plan.Lines[0].DecidedBy);
        Assert.Equal(0, plan.ShipmentCount);
    }

    [Theory]
    [InlineData(true, true, "TEE-NAVY")]
    [InlineData(true, false, null)]
    [InlineData(false, true, null)]
    public void Plan_SubstitutesOnlyWhenTheSkuListsASubstituteAndTheChannelAllowsIt(bool skuListsSubstitute, bool channelAllows, string? substitute)
    {
        var stockBuilder = new StockBuilder().WithLocation("WH-A").WithStock("TEE-BLACK", "WH-A", 1).WithStock("TEE-NAVY", "WH-A", 10);
        if (skuListsSubstitute)
            stockBuilder.WithSubstitutes("TEE-BLACK", "TEE-NAVY");
        var stock = stockBuilder.Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE-BLACK", 3), new PolicyBuilder().Eligible("WH-A").AllowingSubstitution(channelAllows), stock);

        var line = plan.Lines[0];
        Assert.Equal(substitute, line.Substitute?.Value);
        Assert.Equal(SkuCode.Of("TEE-BLACK"), line.Sku);
        Assert.Equal(substitute is null ? 1 : 3, line.Allocated);
        Assert.Equal(substitute ?? "TEE-BLACK", line.Allocations.Span[0].Sku.Value);
    }

    [Fact]
    public void Plan_WithSubstitutionAllowed_KeepsTheOrderedSkuWhileItHasEnoughStock()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithStock("TEE-BLACK", "WH-A", 5).WithStock("TEE-NAVY", "WH-A", 50)
            .WithSubstitutes("TEE-BLACK", "TEE-NAVY").Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE-BLACK", 3), new PolicyBuilder().Eligible("WH-A").AllowingSubstitution(), stock);

        Assert.Null(plan.Lines[0].Substitute);
    }

    [Fact]
    public void Plan_WhenPrimaryLocationsCanServe_NeverUsesAnAlternateLocation()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-FAR", region: "FR", priority: 5).WithLocation("3PL-NEAR", region: "DE", priority: 0, kind: LocationKind.ThirdPartyLogistics)
            .WithStock("TEE", "WH-FAR", 5).WithStock("TEE", "3PL-NEAR", 50)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 5), new PolicyBuilder().Eligible("WH-FAR").Alternates("3PL-NEAR"), stock);

        Assert.Equal("5@WH-FAR", Shipped(plan.Lines[0]));
        Assert.False(plan.Allocations[0].FromAlternateLocation);
    }

    [Fact]
    public void Plan_WhenPrimaryLocationsCannotServe_RoutesTheRemainderToAnAlternateLocation()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-A").WithLocation("DROP-ACME", kind: LocationKind.DropShipSupplier)
            .WithStock("TEE", "WH-A", 2).WithStock("CAP", "DROP-ACME", 10).WithStock("TEE", "DROP-ACME", 10)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 3).WithLine("CAP", 1),
            new PolicyBuilder().Eligible("WH-A").Alternates("DROP-ACME"), stock);

        Assert.Equal(AllocationPlanStatus.Complete, plan.Status);
        Assert.Equal("2@WH-A, 1@DROP-ACME", Shipped(plan.Lines[0]));
        Assert.Equal("1@DROP-ACME", Shipped(plan.Lines[1]));
        Assert.Equal(AllocationReason.AlternateLocation, plan.Lines[1].DecidedBy);
        Assert.True(plan.Allocations.Single(a => a.Sku.Value == "CAP").FromAlternateLocation);
    }

    [Fact]
    public void Plan_ShipComplete_UsesAnAlternateOnlyWhenNoPrimaryLocationHasEverything()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-A").WithLocation("WH-B").WithLocation("3PL-X", kind: LocationKind.ThirdPartyLogistics)
            .WithStock("TEE", "WH-A", 5).WithStock("CAP", "WH-B", 5).WithStock("TEE", "3PL-X", 5).WithStock("CAP", "3PL-X", 5)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("CAP", 1),
            new PolicyBuilder().Eligible("WH-A", "WH-B").Alternates("3PL-X").ShipComplete(), stock);

        Assert.Equal([LocationCode.Of("3PL-X")], plan.ShipFrom);
        Assert.All(plan.Lines, line => Assert.Equal(AllocationReason.AlternateLocation, line.DecidedBy));
    }

    [Theory]
    [InlineData(OrderPriority.Normal, null, 2)]
    [InlineData(OrderPriority.Urgent, null, 2)]
    [InlineData(OrderPriority.Normal, OrderPriority.High, 2)]
    [InlineData(OrderPriority.High, OrderPriority.High, 5)]
    [InlineData(OrderPriority.Urgent, OrderPriority.High, 5)]
    public void Plan_KeepsSafetyStock_UnlessTheOrdersPriorityMayDrawOnItByPolicy(OrderPriority priority, OrderPriority? drawFrom, int allocated)
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithStock("TEE", "WH-A", available: 10, safetyStock: 8).Build();
        var policy = new PolicyBuilder().Eligible("WH-A");
        if (drawFrom is { } threshold)
            policy.DrawingOnSafetyStockFrom(threshold);

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 5).WithPriority(priority), policy, stock);

        Assert.Equal(allocated, plan.Lines[0].Allocated);
        Assert.Equal(10 - allocated, stock.AvailableAt(SkuCode.Of("TEE"), LocationCode.Of("WH-A")));
    }

    [Fact]
    public void Plan_EstimatesTheCostOfExtraShipmentsAndOfExpressFromOutsideTheRegion()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-DE", region: "DE", priority: 1, shipmentCost: 450, expediteCost: 900)
            .WithLocation("WH-PL", region: "PL", priority: 2, shipmentCost: 600, expediteCost: 1_200)
            .WithStock("TEE", "WH-DE", 5).WithStock("CAP", "WH-PL", 5)
            .Build();
        var order = new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("CAP", 1).ShipTo("DE");
        var policy = new PolicyBuilder().Eligible("WH-DE", "WH-PL");

        var standard = Plan(order, policy, stock.Clone());
        var express = Plan(order.WithServiceLevel(ServiceLevel.Express), policy, stock.Clone());

        Assert.Equal(2, standard.ShipmentCount);
        Assert.Equal(new Money(600, Currency.Of("EUR")), standard.EstimatedSplitCost);
        Assert.Equal(new Money(600 + 1_200, Currency.Of("EUR")), express.EstimatedSplitCost);
    }

    [Fact]
    public void Plan_ExplainsEachLineForTheDryRun()
    {
        var stock = new StockBuilder()
            .WithLocation("WH-PARIS", region: "FR").WithLocation("WH-BERLIN", region: "DE")
            .WithStock("TEE", "WH-PARIS", 10).WithStock("TEE", "WH-BERLIN", 1)
            .Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 3).ShipTo("DE"),
            new PolicyBuilder().Eligible("WH-PARIS", "WH-BERLIN").WithRules(AllocationRule.ShipToRegion).WithoutBackorders(), stock);

        Assert.Equal(
            "WH-BERLIN was preferred over WH-PARIS: it is in the ship-to region (ship-to region). Split: 1 from WH-BERLIN, 2 from WH-PARIS.",
            plan.Lines[0].Explanation);
        Assert.Contains("WH-BERLIN", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExplainsAShortfall()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithSku("TEE").Build();

        var plan = Plan(new AllocationOrderBuilder().WithLine("TEE", 2), new PolicyBuilder().Eligible("WH-A").WithoutBackorders(), stock);

        Assert.Equal("No eligible or alternate location has usable stock. 2 short: the channel does not backorder (inventory shortfall).",
            plan.Lines[0].Explanation);
    }

    [Fact]
    public void PlanBatch_ServesHigherPriorityFirstThenOlderOrders_AndNeverPlansAUnitTwice()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithStock("TEE", "WH-A", 3).Build();
        var late = new AllocationOrderBuilder().WithId(1).WithLine("TEE", 2).PlacedMinutesAfterOpening(30).Build();
        var early = new AllocationOrderBuilder().WithId(2).WithLine("TEE", 2).PlacedMinutesAfterOpening(10).Build();
        var urgent = new AllocationOrderBuilder().WithId(3).WithLine("TEE", 2).PlacedMinutesAfterOpening(50).WithPriority(OrderPriority.Urgent).Build();
        var policies = new Dictionary<ChannelCode, AllocationPolicy> { [ChannelCode.Of("WEB")] = new PolicyBuilder().Eligible("WH-A").Build() };

        var batch = _planner.PlanBatch([late, early, urgent], policies, stock);

        Assert.Equal([urgent.OrderId, early.OrderId, late.OrderId], batch.Plans.Select(p => p.OrderId));
        Assert.Equal([2, 1, 0], batch.Plans.Select(p => p.Lines[0].Allocated));
        Assert.Equal(0, stock.AvailableAt(SkuCode.Of("TEE"), LocationCode.Of("WH-A")));
    }

    [Fact]
    public void PlanBatch_RejectsOrdersWithoutAPolicyAndRepeatedOrders_AndPlansTheRest()
    {
        var stock = new StockBuilder().WithLocation("WH-A").WithStock("TEE", "WH-A", 9).Build();
        var good = new AllocationOrderBuilder().WithId(1).WithLine("TEE", 1).Build();
        var noPolicy = new AllocationOrderBuilder().WithId(2).WithLine("TEE", 1).ForChannel("MKT").Build();
        var bad = new AllocationOrderBuilder().WithId(3).WithLine("NOPE", 1).Build();
        var policies = new Dictionary<ChannelCode, AllocationPolicy> { [ChannelCode.Of("WEB")] = new PolicyBuilder().Eligible("WH-A").Build() };

        var batch = _planner.PlanBatch([good, noPolicy, bad, good], policies, stock);

        Assert.Equal([good.OrderId], batch.Plans.Select(p => p.OrderId));
        Assert.Equal(
            [AllocationErrors.DuplicateOrderCode, AllocationErrors.NoPolicyForChannelCode, AllocationErrors.UnknownSkuCode],
            batch.Rejected.Select(r => r.Errors[0].Code).Order());
        Assert.Equal(8, stock.AvailableAt(SkuCode.Of("TEE"), LocationCode.Of("WH-A")));
    }
}
