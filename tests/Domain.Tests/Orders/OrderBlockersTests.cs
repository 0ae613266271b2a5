using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

/// <summary>"Why can't this order move?"</summary>
public sealed class OrderBlockersTests
{
    [Fact]
    public void GetBlockers_ForAnOrderFreeToMove_IsEmpty()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        Assert.Empty(order.GetBlockers());
    }

    [Fact]
    public void GetBlockers_ListsEveryOpenHoldWithTheRoleThatReleasesIt()
    {
        var order = new OrderBuilder().WithHold(HoldType.FraudReview).WithHold(HoldType.CreditCheck).Build();

        var blockers = order.GetBlockers();

        Assert.Equal([(BlockerCode.OnHold, HoldType.FraudReview), (BlockerCode.OnHold, HoldType.CreditCheck)], blockers.Select(b => (b.Code, b.HoldType!.Value)));
        Assert.Contains("FraudReview", blockers[0].Message);
        Assert.Contains("OperationsManager", blockers[0].Message);
        Assert.Contains("CreditCheck", blockers[1].Message);
        Assert.Contains("Finance", blockers[1].Message);
    }

    [Fact]
    public void GetBlockers_LeavesOutReleasedHolds()
    {
        var order = new OrderBuilder().WithHold(HoldType.Manual).Build();
        order.ReleaseHold(order.Holds[0].Id, "done", Actors.Operations, Clock.Now);

        Assert.Empty(order.GetBlockers());
    }

    [Fact]
    public void GetBlockers_WhilePickingBeforeThePickIsConfirmed_NamesTheUnmetEntryCriteria()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();

        var blocker = Assert.Single(order.GetBlockers());

        Assert.Equal(BlockerCode.EntryCriteriaNotMet, blocker.Code);
        Assert.Contains("pick", blocker.Message);
    }

    [Fact]
    public void GetBlockers_ListsOpenHoldsAndUnmetCriteriaTogether()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).WithHold(HoldType.InventoryShortfall).Build();

        Assert.Equal([BlockerCode.OnHold, BlockerCode.EntryCriteriaNotMet], order.GetBlockers().Select(b => b.Code));
    }

    [Fact]
    public void GetBlockers_AfterThePickIsConfirmed_IsEmpty()
    {
        var order = new OrderBuilder().ReadyToLeave(OrderStatus.Picking).Build();

        Assert.Empty(order.GetBlockers());
    }

    [Theory]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Cancelled)]
    public void GetBlockers_ForATerminalOrder_SaysThereIsNoFurtherStep(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        var blocker = Assert.Single(order.GetBlockers());

        Assert.Equal(BlockerCode.NoNextStep, blocker.Code);
        Assert.Contains("no further step", blocker.Message);
    }
}
