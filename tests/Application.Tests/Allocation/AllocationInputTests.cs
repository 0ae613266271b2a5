using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>
/// A mistake gets a named error, never an exception, and takes nothing from the snapshot. Binding an order and its
/// channel's policy to the network (<see cref="AllocationSetup.Create"/>) is where the planner's input is checked; the
/// order's lines and quantities are its capture rules' (Domain.Tests, Orders), a policy's rule order and repeated
/// locations are <see cref="ChannelPolicy"/>'s (Domain.Tests, Catalog) (decision 020).
/// </summary>
public sealed class AllocationInputTests
{
    private static StockSnapshot Stock() =>
        new StockBuilder().WithLocation("WH-A").WithLocation("WH-B").WithStock("TEE", "WH-A", 10).WithStock("CAP", "WH-A", 10).Build();

    public static TheoryData<string, AllocationOrderBuilder, PolicyBuilder> BadInput => new()
    {
        { AllocationErrors.UnknownSkuCode, new AllocationOrderBuilder().WithLine("NOPE", 1), new PolicyBuilder().Eligible("WH-A") },
        { AllocationErrors.UnknownSkuCode, new AllocationOrderBuilder().WithLine(default(SkuCode), 1), new PolicyBuilder().Eligible("WH-A") },
        { AllocationErrors.UnknownLocationCode, new AllocationOrderBuilder().WithLine("TEE", 1), new PolicyBuilder().Eligible("WH-A", "WH-GONE") },
        { AllocationErrors.UnknownLocationCode, new AllocationOrderBuilder().WithLine("TEE", 1), new PolicyBuilder().Eligible("WH-A").Alternates("3PL-GONE") },
        { AllocationErrors.NoEligibleLocationsCode, new AllocationOrderBuilder().WithLine("TEE", 1), new PolicyBuilder().Alternates("WH-B") },
        { AllocationErrors.PolicyChannelMismatchCode, new AllocationOrderBuilder().WithLine("TEE", 1).ForChannel("MKT"), new PolicyBuilder().Eligible("WH-A") },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Plan_WithBadInput_ReturnsANamedErrorAndTakesNoStock(string code, AllocationOrderBuilder order, PolicyBuilder policy)
    {
        var stock = Stock();

        var plan = new AllocationPlanner().Plan(order.Build(), policy.Build(), stock);

        Assert.True(plan.IsFailure);
        Assert.Contains(code, plan.Errors.Select(e => e.Code));
        Assert.Equal(10, stock.AvailableAt(SkuCode.Of("TEE"), LocationCode.Of("WH-A")));
    }

    [Fact]
    public void Plan_WithSeveralMistakes_NamesEachWithItsField()
    {
        var plan = new AllocationPlanner().Plan(
            new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("NOPE", 1).Build(), new PolicyBuilder().Eligible("WH-GONE").Build(), Stock());

        Assert.Equal(
            [("eligibleLocations[0]", AllocationErrors.UnknownLocationCode), ("lines[1].sku", AllocationErrors.UnknownSkuCode)],
            plan.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Plan_AfterARefusedOrder_PlansTheNextOneNormally()
    {
        var planner = new AllocationPlanner();
        var stock = Stock();
        planner.Plan(new AllocationOrderBuilder().WithLine("TEE", 1).WithLine("NOPE", 1).Build(), new PolicyBuilder().Eligible("WH-A").Build(), stock);

        var plan = planner.Plan(new AllocationOrderBuilder().WithLine("TEE", 1).Build(), new PolicyBuilder().Eligible("WH-A").Build(), stock);

        Assert.Equal(AllocationPlanStatus.Complete, plan.Value.Status);
    }

    [Fact]
    public void Plan_OnASnapshotOfAnotherNetwork_IsABrokenInvariant()
    {
        var stock = Stock();
        var setup = AllocationSetup.Create(new AllocationOrderBuilder().WithLine("TEE", 1).Build(), new PolicyBuilder().Eligible("WH-A").Build(),
            stock.Network).Value;

        Assert.Throws<ArgumentException>(() => new AllocationPlanner().Plan(setup, Stock()));
    }

    [Fact]
    public void CreateNetwork_WithRepeatedOrUnknownMasterData_ReturnsNamedErrors()
    {
        var location = new AllocationLocation(LocationCode.Of("WH-A"), LocationKind.Warehouse, "DE", 1, 100, 100);
        var network = AllocationNetwork.Create(
            [SkuCode.Of("TEE"), SkuCode.Of("TEE")],
            [location, location, location with { Code = LocationCode.Of("WH-B"), Region = " ", ShipmentCostMinor = -1 }],
            Currency.Of("EUR"),
            new Dictionary<SkuCode, IReadOnlyList<SkuCode>> { [SkuCode.Of("TEE")] = [SkuCode.Of("NOPE"), SkuCode.Of("TEE")] });

        Assert.Equal(
            [AllocationErrors.DuplicateSkuCode, AllocationErrors.DuplicateLocationCode, AllocationErrors.LocationInvalidCode,
                AllocationErrors.LocationInvalidCode, AllocationErrors.UnknownSubstituteCode, AllocationErrors.UnknownSubstituteCode],
            network.Errors.Select(e => e.Code));
    }

    [Fact]
    public void SetBalance_ForAnUnknownSkuOrLocationOrANegativeQuantity_ReturnsNamedErrors()
    {
        var stock = Stock();

        Assert.Equal(AllocationErrors.UnknownSkuCode, stock.Set(SkuCode.Of("NOPE"), LocationCode.Of("WH-A"), 1, 0).Error.Code);
        Assert.Equal(AllocationErrors.UnknownLocationCode, stock.Set(SkuCode.Of("TEE"), LocationCode.Of("WH-GONE"), 1, 0).Error.Code);
        Assert.Equal(AllocationErrors.BalanceInvalidCode, stock.Set(SkuCode.Of("TEE"), LocationCode.Of("WH-A"), -1, 0).Error.Code);
        Assert.Equal(10, stock.AvailableAt(SkuCode.Of("TEE"), LocationCode.Of("WH-A")));
    }
}
