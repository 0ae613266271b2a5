using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

/// <summary>A picker finds fewer units than were reserved: the order gives them up and allocates them again or waits.</summary>
public sealed class ShortPickTests
{
    [Fact]
    public void RecordShortPick_TakesTheMissingUnitsOffTheShipmentAndReportsWhereTheyWereReserved()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).InStatus(OrderStatus.Picking).Build();
        var shipment = order.Shipments[0];

        var outcome = order.RecordShortPick(1, 2, null, Actors.Warehouse, Clock.Now);

        Assert.Equal(new ShortPickOutcome(shipment.Id, 1, SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 2), outcome.Value);
        Assert.Equal(1, Assert.Single(shipment.Lines).Quantity);
        Assert.Equal((1, 2), (order.Lines[0].AllocatedQuantity, order.UnallocatedUnits));
        Assert.Equal(OrderStatus.Picking, order.Status);
        var recorded = Assert.IsType<OrderShortPicked>(order.PendingEvents[^1]);
        Assert.Equal((shipment.Id, 1, "TEE-M-BLK", "WH-BER", 2), (recorded.ShipmentId, recorded.LineNumber, recorded.Sku, recorded.Location, recorded.MissingQuantity));
        Assert.Equal(TimelineAction.ShortPicked, order.Timeline[^1].Action);
    }

    [Fact]
    public void RecordShortPick_OfEveryUnitOfAShipment_CancelsTheShipment()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).InStatus(OrderStatus.Picking).Build();

        order.RecordShortPick(1, 2, order.Shipments[0].Id, Actors.Warehouse, Clock.Now);

        Assert.Equal(ShipmentStatus.Cancelled, order.Shipments[0].Status);
        Assert.False(order.IsPicked);
    }

    [Fact]
    public void ShortPickedUnits_AllocatedAgain_KeepTheOrderPickingWithANewShipment()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).InStatus(OrderStatus.Picking).Build();
        order.RecordShortPick(1, 1, null, Actors.Warehouse, Clock.Now);
        var decision = Allocations.Decide(order, _ => [new(1, SkuCode.Of("TEE-M-BLK"), Allocations.Leeds, 1)], _ => (0, 0));

        ResultAssert.Succeeded(order.ApplyAllocation(decision, Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.Picking, order.Status);
        Assert.Equal(["WH-BER", "WH-LDS"], order.Shipments.Select(s => s.Location.Value));
        Assert.Equal(3, order.Lines[0].AllocatedQuantity);
        Assert.IsType<OrderReallocated>(order.PendingEvents[^1]);
        Assert.Equal(TimelineAction.Reallocated, order.Timeline[^1].Action);
    }

    [Fact]
    public void ShortPickedUnits_Backordered_SendTheOrderBackToPartiallyAllocatedAndThePickedShipmentKeepsItsPick()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).ReadyToLeave(OrderStatus.Picking).Build();
        order.RecordShortPick(1, 1, null, Actors.Warehouse, Clock.Now);

        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.NothingInStock(order), Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.Equal((2, 2, 1), (order.Lines[0].AllocatedQuantity, order.Lines[0].PickedQuantity, order.Lines[0].BackorderedQuantity));
        Assert.True(order.Shipments[0].IsPicked);
        Assert.Equal(OrderStatus.Picking, Assert.IsType<OrderBackordered>(order.PendingEvents[^1]).From);
    }

    [Fact]
    public void ShortPickedUnits_ThatNobodyMayWaitFor_HoldTheOrderInPickingAndPackingWaits()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).ReadyToLeave(OrderStatus.Picking).Build();
        order.RecordShortPick(1, 1, null, Actors.Warehouse, Clock.Now);

        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.NothingAndNoBackorder(order), Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.Picking, order.Status);
        var hold = Assert.Single(order.OpenHolds);
        Assert.Equal(HoldType.InventoryShortfall, hold.Type);
        order.ReleaseHold(hold.Id, "customer accepts a smaller order later", Actors.Planner, Clock.Now);
        OrderAssert.Refuses(order, () => order.Pack(1, Actors.Warehouse, Clock.Now), OrderErrors.EntryCriteriaNotMetCode);
    }

    [Fact]
    public void RecordShortPick_OutsidePicking_IsRefused()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Released).Build();
        OrderAssert.Refuses(order, () => order.RecordShortPick(1, 1, null, Actors.Warehouse, Clock.Now), OrderErrors.IllegalTransitionCode);
    }

    [Fact]
    public void RecordShortPick_ByAnActorOutsideTheWarehouse_IsNotPermitted()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.RecordShortPick(1, 1, null, Actors.Finance, Clock.Now), OrderErrors.ActorNotPermittedCode);
    }

    [Fact]
    public void RecordShortPick_OnHold_IsBlockedByTheHold()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).WithHold(HoldType.Manual).Build();
        OrderAssert.Refuses(order, () => order.RecordShortPick(1, 1, null, Actors.Warehouse, Clock.Now), OrderErrors.OnHoldCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    public void RecordShortPick_OfNoUnitsOrMoreThanTheShipmentHolds_FailsOnMissingQuantity(int missing)
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).InStatus(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.RecordShortPick(1, missing, null, Actors.Warehouse, Clock.Now),
            OrderErrors.ShortPickInvalidCode, "missingQuantity");
    }

    [Fact]
    public void RecordShortPick_OfAnUnknownLine_FailsOnLineNumber()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.RecordShortPick(7, 1, null, Actors.Warehouse, Clock.Now), OrderErrors.LineNotFoundCode, "lineNumber");
    }

    [Fact]
    public void RecordShortPick_OfALineInTwoShipments_NeedsTheShipment()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).InTwoShipments().InStatus(OrderStatus.Picking).Build();

        OrderAssert.Refuses(order, () => order.RecordShortPick(1, 1, null, Actors.Warehouse, Clock.Now), OrderErrors.ShipmentRequiredCode, "shipmentId");
        ResultAssert.Succeeded(order.RecordShortPick(1, 1, order.Shipments[1].Id, Actors.Warehouse, Clock.Now));
        Assert.Equal(1, order.Shipments[1].Lines[0].Quantity);
    }

    [Fact]
    public void RecordShortPick_InAShipmentThatDoesNotHoldTheLine_IsNotFound()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.RecordShortPick(1, 1, Guid.NewGuid(), Actors.Warehouse, Clock.Now),
            OrderErrors.ShipmentNotFoundCode, "shipmentId");
    }

    [Fact]
    public void ApplyAllocation_WhilePickingWithNothingShortPicked_HasNothingToAllocate()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.ApplyAllocation(Allocations.NothingInStock(order), Actors.System, Clock.Now),
            OrderErrors.NothingToAllocateCode);
    }
}
