using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

/// <summary>How an order records an allocation: shipments per location, backorders, shortfall holds.</summary>
public sealed class AllocationTests
{
    private static Order Validated(params (string Sku, int Quantity)[] lines)
    {
        var builder = new OrderBuilder();
        foreach (var (sku, quantity) in lines)
            builder.WithLine(sku, quantity);
        return builder.InStatus(OrderStatus.Validated).Build();
    }

    [Fact]
    public void ApplyAllocation_AcrossTwoLocations_OpensOneShipmentPerLocationWithItsLinesAndCost()
    {
        var order = Validated(("TEE-M-BLK", 3), ("SOCK-OS-WHT", 1));
        var decision = Allocations.Decide(order, line => line.LineNumber == 1
                ? [new(1, SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 2), new(1, SkuCode.Of("TEE-M-BLK"), Allocations.Leeds, 1)]
                : [new(2, SkuCode.Of("SOCK-OS-WHT"), Allocations.Berlin, 1)],
            _ => (0, 0));

        ResultAssert.Succeeded(order.ApplyAllocation(decision, Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal([(1, "WH-BER", 0L), (2, "WH-LDS", 850L)], order.Shipments.Select(s => (s.Number, s.Location.Value, s.EstimatedCostMinor)));
        Assert.All(order.Shipments, s => Assert.Equal((ShipmentStatus.Open, "EUR"), (s.Status, s.CostCurrency)));
        Assert.Equal([(1, "TEE-M-BLK", 2), (2, "SOCK-OS-WHT", 1)], order.Shipments[0].Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)));
        Assert.Equal([(1, "TEE-M-BLK", 1)], order.Shipments[1].Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)));
        Assert.Equal([(3, 0), (1, 0)], order.Lines.Select(l => (l.AllocatedQuantity, l.BackorderedQuantity)));
    }

    [Fact]
    public void ApplyAllocation_RaisesOrderAllocatedWithTheLinesAndShipments()
    {
        var order = Validated(("TEE-M-BLK", 2));

        order.ApplyAllocation(Allocations.Everything(order), Actors.System, Clock.Now);

        var allocated = Assert.IsType<OrderAllocated>(order.PendingEvents[^1]);
        Assert.Equal((OrderStatus.Validated, OrderStatus.Allocated, "WEB"), (allocated.From, allocated.To, allocated.Channel));
        Assert.Equal(new OrderLineAllocation(1, "TEE-M-BLK", 2, 2, 0), Assert.Single(allocated.Lines));
        var shipment = Assert.Single(allocated.Shipments);
        Assert.Equal((order.Shipments[0].Id, 1, "WH-BER", ShipmentStatus.Open), (shipment.ShipmentId, shipment.Number, shipment.Location, shipment.Status));
        Assert.Equal(new ShipmentLineSnapshot(1, "TEE-M-BLK", 2, 0), Assert.Single(shipment.Lines));
    }

    [Fact]
    public void ApplyAllocation_WithASubstitute_ShipsTheSubstituteOnTheOrderedLine()
    {
        var order = Validated(("TEE-M-BLK", 2));
        var decision = Allocations.Decide(order, _ => [new(1, SkuCode.Of("TEE-M-NVY"), Allocations.Berlin, 2)], _ => (0, 0));

        ResultAssert.Succeeded(order.ApplyAllocation(decision, Actors.System, Clock.Now));

        Assert.Equal((1, "TEE-M-NVY", 2), order.Shipments[0].Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)).Single());
        Assert.Equal("TEE-M-BLK", order.Lines[0].Sku.Value);
        Assert.Equal(2, order.Lines[0].AllocatedQuantity);
    }

    [Fact]
    public void ApplyAllocation_WithNothingInStock_BackordersEveryUnit()
    {
        var order = Validated(("TEE-M-BLK", 2));

        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.NothingInStock(order), Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.Backordered, order.Status);
        Assert.Empty(order.Shipments);
        Assert.Equal((0, 2), (order.Lines[0].AllocatedQuantity, order.Lines[0].BackorderedQuantity));
        var backordered = Assert.IsType<OrderBackordered>(order.PendingEvents[^1]);
        Assert.Equal((OrderStatus.Validated, OrderStatus.Backordered), (backordered.From, backordered.To));
        Assert.Equal(new OrderLineAllocation(1, "TEE-M-BLK", 2, 0, 2), Assert.Single(backordered.Lines));
        Assert.False(order.IsOnHold);
    }

    [Fact]
    public void ApplyAllocation_WithPartOfTheStock_IsPartiallyAllocatedAndTheBlockersNameTheWaitingUnits()
    {
        var order = Validated(("TEE-M-BLK", 2));

        order.ApplyAllocation(Allocations.OneUnit(order), Actors.System, Clock.Now);

        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.Equal((1, 1), (order.Lines[0].AllocatedQuantity, order.Lines[0].BackorderedQuantity));
        Assert.Equal(OrderStatus.PartiallyAllocated, Assert.IsType<OrderBackordered>(order.PendingEvents[^1]).To);
        var blocker = Assert.Single(order.GetBlockers());
        Assert.Equal(BlockerCode.EntryCriteriaNotMet, blocker.Code);
        Assert.Contains("TEE-M-BLK x1", blocker.Message);
    }

    [Fact]
    public void Release_OfAPartiallyAllocatedOrder_WaitsForTheBackorder()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.PartiallyAllocated).Build();
        OrderAssert.Refuses(order, () => order.Release(Actors.Operations, Clock.Now), OrderErrors.IllegalTransitionCode);
    }

    [Fact]
    public void ApplyAllocation_AgainWhenStockArrives_AddsToTheOpenShipmentAtThatLocationAndAllocatesTheOrder()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).InStatus(OrderStatus.PartiallyAllocated).Build();

        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.Everything(order), Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        var shipment = Assert.Single(order.Shipments);
        Assert.Equal(3, Assert.Single(shipment.Lines).Quantity);
        Assert.Equal((3, 0), (order.Lines[0].AllocatedQuantity, order.Lines[0].BackorderedQuantity));
        Assert.Equal(OrderStatus.PartiallyAllocated, Assert.IsType<OrderAllocated>(order.PendingEvents[^1]).From);
    }

    [Fact]
    public void ApplyAllocation_AgainWithMoreButNotAllStock_StaysPartiallyAllocatedVisibly()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).InStatus(OrderStatus.PartiallyAllocated).Build();
        var version = order.Version;

        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.OneUnit(order), Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.Equal((2, 1), (order.Lines[0].AllocatedQuantity, order.Lines[0].BackorderedQuantity));
        var backordered = Assert.IsType<OrderBackordered>(order.PendingEvents[^1]);
        Assert.Equal((OrderStatus.PartiallyAllocated, OrderStatus.PartiallyAllocated), (backordered.From, backordered.To));
        Assert.Equal(version + 1, order.Version);
    }

    [Theory]
    [InlineData(OrderStatus.Backordered)]
    [InlineData(OrderStatus.PartiallyAllocated)]
    public void ApplyAllocation_AgainWithNoStock_IsRefusedAndChangesNothing(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();
        OrderAssert.Refuses(order, () => order.ApplyAllocation(Allocations.NothingInStock(order), Actors.System, Clock.Now),
            OrderErrors.NoStockToAllocateCode);
    }

    [Fact]
    public void ApplyAllocation_WhenTheChannelAllowsNoBackorder_PlacesAShortfallHoldNamingSkusAndUnits()
    {
        var order = Validated(("TEE-M-BLK", 2), ("SOCK-OS-WHT", 1));

        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.NothingAndNoBackorder(order), Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.Validated, order.Status);
        var hold = Assert.Single(order.OpenHolds);
        Assert.Equal((HoldType.InventoryShortfall, Actors.System.Id), (hold.Type, hold.PlacedBy));
        Assert.Contains("TEE-M-BLK x2", hold.Reason);
        Assert.Contains("SOCK-OS-WHT x1", hold.Reason);
        Assert.Equal(HoldType.InventoryShortfall, Assert.IsType<OrderHoldPlaced>(order.PendingEvents[^1]).HoldType);
        Assert.All(order.Lines, l => Assert.Equal((0, 0), (l.AllocatedQuantity, l.BackorderedQuantity)));
    }

    [Fact]
    public void ApplyAllocation_WithSomeUnitsShort_AllocatesTheRestAndHoldsTheOrder()
    {
        var order = Validated(("TEE-M-BLK", 2), ("SOCK-OS-WHT", 1));
        var decision = Allocations.Decide(order,
            line => line.LineNumber == 1 ? [new(1, SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 2)] : [],
            line => line.LineNumber == 2 ? (0, 1) : (0, 0));

        ResultAssert.Succeeded(order.ApplyAllocation(decision, Actors.System, Clock.Now));

        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.True(order.IsOnHold);
        Assert.Equal([(TimelineAction.PartiallyAllocated, (HoldType?)null), (TimelineAction.HoldPlaced, HoldType.InventoryShortfall)],
            order.Timeline.TakeLast(2).Select(t => (t.Action, t.HoldType)));
        Assert.Equal(order.Timeline.Count, order.Version);
    }

    [Fact]
    public void ApplyAllocation_ThatDoesNotAccountForEveryUnit_IsRefusedAndChangesNothing()
    {
        var order = Validated(("TEE-M-BLK", 2));
        var decision = new AllocationDecision([new AllocatedUnits(1, SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 1)], [], Allocations.Euro);

        var error = OrderAssert.Refuses(order, () => order.ApplyAllocation(decision, Actors.System, Clock.Now), OrderErrors.AllocationInvalidCode);

        Assert.Contains("line 1 needs 2", error.Message);
    }

    [Theory]
    [InlineData(9, 2)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    public void ApplyAllocation_ToAnUnknownLineOrOfNoUnits_IsRefused(int lineNumber, int quantity)
    {
        var order = Validated(("TEE-M-BLK", 2));
        var decision = new AllocationDecision(
            [new AllocatedUnits(lineNumber, SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, quantity)], [new UnallocatedUnits(1, 2 - quantity, 0)], Allocations.Euro);
        OrderAssert.Refuses(order, () => order.ApplyAllocation(decision, Actors.System, Clock.Now), OrderErrors.AllocationInvalidCode);
    }

    [Fact]
    public void ApplyAllocation_WithNegativeUnallocatedUnits_IsRefused()
    {
        var order = Validated(("TEE-M-BLK", 2));
        var decision = new AllocationDecision(
            [new AllocatedUnits(1, SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 3)], [new UnallocatedUnits(1, -1, 0)], Allocations.Euro);
        OrderAssert.Refuses(order, () => order.ApplyAllocation(decision, Actors.System, Clock.Now), OrderErrors.AllocationInvalidCode);
    }

    [Fact]
    public void ApplyAllocation_OnHold_IsBlockedByTheHold()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).WithHold(HoldType.FraudReview).Build();
        OrderAssert.Refuses(order, () => order.ApplyAllocation(Allocations.Everything(order), Actors.System, Clock.Now), OrderErrors.OnHoldCode);
    }

    [Fact]
    public void ApplyAllocation_ByAPerson_IsNotPermitted()
    {
        var order = Validated(("TEE-M-BLK", 2));
        OrderAssert.Refuses(order, () => order.ApplyAllocation(Allocations.Everything(order), Actors.Operations, Clock.Now),
            OrderErrors.ActorNotPermittedCode);
    }

    [Theory]
    [InlineData(OrderStatus.Captured)]
    [InlineData(OrderStatus.Allocated)]
    [InlineData(OrderStatus.Released)]
    [InlineData(OrderStatus.Cancelled)]
    public void ApplyAllocation_OutsideTheAllocatingStates_IsAnIllegalTransition(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();
        OrderAssert.Refuses(order, () => order.ApplyAllocation(Allocations.NothingInStock(order), Actors.System, Clock.Now),
            OrderErrors.IllegalTransitionCode);
    }

    [Fact]
    public void Ship_OneOfTwoShipments_IsPartiallyShippedThenTheLastShipsTheOrder()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).InTwoShipments().ReadyToLeave(OrderStatus.Packed).Build();
        var (first, second) = (order.Shipments[0], order.Shipments[1]);

        var left = order.Ship(first.Id, "DHL", "T-1", Actors.Warehouse, Clock.Now);

        Assert.Equal([new ReservedUnits(SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 1)], left.Value);
        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
        Assert.Equal((ShipmentStatus.Shipped, "DHL", "T-1", Clock.Now), (first.Status, first.Carrier, first.TrackingNumber, first.ShippedAt));
        Assert.Equal(1, order.Lines[0].ShippedQuantity);
        Assert.Equal([typeof(ShipmentShipped), typeof(OrderPartiallyShipped)], order.PendingEvents.TakeLast(2).Select(e => e.GetType()));
        Assert.Equal(first.Id, order.PendingEvents.OfType<ShipmentShipped>().Single().Shipment.ShipmentId);

        ResultAssert.Succeeded(order.Ship(null, "UPS", "T-2", Actors.Warehouse, Clock.Now));

        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal(ShipmentStatus.Shipped, second.Status);
        Assert.Equal(2, order.Lines[0].ShippedQuantity);
        var shipped = Assert.IsType<OrderShipped>(order.PendingEvents[^1]);
        Assert.Equal((OrderStatus.PartiallyShipped, "UPS", "T-2"), (shipped.From, shipped.Carrier, shipped.TrackingNumber));
        Assert.IsType<ShipmentShipped>(order.PendingEvents[^2]);
    }

    [Fact]
    public void Ship_WithoutAShipmentIdWhenTwoAreOpen_AsksForOne()
    {
        var order = new OrderBuilder().InTwoShipments().ReadyToLeave(OrderStatus.Packed).Build();
        OrderAssert.Refuses(order, () => order.Ship(null, "DHL", "T-1", Actors.Warehouse, Clock.Now), OrderErrors.ShipmentRequiredCode, "shipmentId");
    }

    [Fact]
    public void Ship_AnUnknownShipment_IsNotFound()
    {
        var order = new OrderBuilder().ReadyToLeave(OrderStatus.Packed).Build();
        OrderAssert.Refuses(order, () => order.Ship(Guid.NewGuid(), "DHL", "T-1", Actors.Warehouse, Clock.Now), OrderErrors.ShipmentNotFoundCode, "shipmentId");
    }

    [Fact]
    public void Ship_AShipmentThatAlreadyLeft_IsNotOpen()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.PartiallyShipped).Build();
        var gone = order.Shipments.First(s => !s.IsOpen);
        OrderAssert.Refuses(order, () => order.Ship(gone.Id, "DHL", "T-1", Actors.Warehouse, Clock.Now), OrderErrors.ShipmentNotOpenCode, "shipmentId");
    }

    [Fact]
    public void Cancel_WithOpenShipments_ClosesThemAndListsTheUnitsTheyHeldReserved()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 3).InTwoShipments().InStatus(OrderStatus.Picking).Build();

        var released = order.Cancel("Customer changed their mind", Actors.CustomerService, Clock.Now);

        Assert.Equal(
            [new ReservedUnits(SkuCode.Of("TEE-M-BLK"), Allocations.Berlin, 1), new ReservedUnits(SkuCode.Of("TEE-M-BLK"), Allocations.Leeds, 2)],
            released.Value);
        Assert.All(order.Shipments, s => Assert.Equal(ShipmentStatus.Cancelled, s.Status));
        Assert.Equal((0, 0), (order.Lines[0].AllocatedQuantity, order.Lines[0].PickedQuantity));
    }

    [Fact]
    public void Cancel_ABackorderedOrder_ReleasesNothingAndClearsTheBackorder()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Backordered).Build();

        var released = order.Cancel("No longer needed", Actors.CustomerService, Clock.Now);

        Assert.Empty(released.Value);
        Assert.Equal(0, order.Lines[0].BackorderedQuantity);
    }
}
