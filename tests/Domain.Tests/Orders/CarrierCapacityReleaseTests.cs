using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

/// <summary>An order whose release finds no carrier pickup left waits on a CarrierCapacity hold (decision 027).</summary>
public sealed class CarrierCapacityReleaseTests
{
    private const string Full = "WH-BERLIN NextDay on 2025-03-04: 40 of 40 pickups booked";

    [Fact]
    public void HoldForCarrierCapacity_HoldsTheAllocatedOrderOnACarrierCapacityHoldPlacedByTheSystem()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        ResultAssert.Succeeded(order.HoldForCarrierCapacity(Full, Actors.Operations, Clock.Now));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        var hold = Assert.Single(order.OpenHolds);
        Assert.Equal((HoldType.CarrierCapacity, Actor.SystemId, $"No carrier pickup left: {Full}."), (hold.Type, hold.PlacedBy, hold.Reason));
        Assert.Equal(HoldType.CarrierCapacity, Assert.IsType<OrderHoldPlaced>(order.PendingEvents[^1]).HoldType);
    }

    [Fact]
    public void HoldForCarrierCapacity_WhileTheOrderAlreadyWaits_IsRefusedWithWhatIsStillFull_AndChangesNothing()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).WithHold(HoldType.CarrierCapacity).Build();
        var version = order.Version;

        var error = ResultAssert.FailsWith(order.HoldForCarrierCapacity(Full, Actors.Operations, Clock.Now), OrderErrors.CarrierCapacityExhaustedCode);

        Assert.Contains(Full, error.Message, StringComparison.Ordinal);
        Assert.Equal(version, order.Version);
        Assert.Single(order.OpenHolds);
    }

    [Theory]
    [InlineData(OrderStatus.Validated, OrderErrors.IllegalTransitionCode)]
    [InlineData(OrderStatus.Released, OrderErrors.IllegalTransitionCode)]
    public void HoldForCarrierCapacity_OfAnOrderThatCouldNotBeReleased_IsRefusedByTheReleaseGuard(OrderStatus status, string code)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        ResultAssert.FailsWith(order.HoldForCarrierCapacity(Full, Actors.Operations, Clock.Now), code);
        Assert.False(order.IsOnHold);
    }

    [Fact]
    public void HoldForCarrierCapacity_ByARoleThatMayNotRelease_IsNotPermitted()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        ResultAssert.FailsWith(order.HoldForCarrierCapacity(Full, Actors.Warehouse, Clock.Now), OrderErrors.ActorNotPermittedCode);
        Assert.False(order.IsOnHold);
    }

    [Fact]
    public void Release_OfAnOrderWaitingForCarrierCapacity_EndsTheHoldAndReleases()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).WithHold(HoldType.CarrierCapacity).Build();

        ResultAssert.Succeeded(order.Release(Actors.Operations, Clock.Now));

        Assert.Equal(OrderStatus.Released, order.Status);
        var hold = Assert.Single(order.Holds);
        Assert.Equal((Actors.Operations.Id, Clock.Now, "Carrier pickups booked on 2025-03-04."), (hold.ReleasedBy, hold.ReleasedAt, hold.Resolution));
        Assert.Equal([TimelineAction.HoldReleased, TimelineActions.Entering(OrderStatus.Released)], order.Timeline.TakeLast(2).Select(t => t.Action));
        Assert.IsType<OrderHoldReleased>(order.PendingEvents[^2]);
        Assert.IsType<OrderReleased>(order.PendingEvents[^1]);
    }

    [Theory]
    [InlineData(HoldType.Manual)]
    [InlineData(HoldType.FraudReview)]
    public void Release_IsStillBlockedByEveryOtherHold_AndLeavesTheCarrierCapacityHoldOpen(HoldType other)
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).WithHold(HoldType.CarrierCapacity).WithHold(other).Build();

        var error = ResultAssert.FailsWith(order.Release(Actors.Operations, Clock.Now), OrderErrors.OnHoldCode);

        Assert.Contains(other.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(HoldType.CarrierCapacity), error.Message, StringComparison.Ordinal);
        Assert.Equal(2, order.OpenHolds.Count());
    }

    [Fact]
    public void Release_WithAReason_RecordsItOnTheReleasedEntry()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        ResultAssert.Succeeded(order.Release(Actors.System, Clock.Now, "Released over carrier capacity: approved by Wim"));

        var entry = order.Timeline[^1];
        Assert.Equal((OrderStatus.Allocated, OrderStatus.Released, "Released over carrier capacity: approved by Wim"), (entry.From, entry.To, entry.Reason));
    }
}
