using EcomErp.Application.Orders;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.ReportShortPick;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Orders;

/// <summary>ReportShortPick: the missing units leave the ledger and are allocated again, backordered or held.</summary>
public sealed class ShortPickTests : AllocationScenario
{
    private const string Polo = "POLO-PIQUE-M-GRY";

    private async Task<Order> PickingAsync(OrderBuilder builder)
    {
        var order = await CaptureAndAllocateAsync(builder);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        await OrderStepAsync(new ReleaseOrder(order.Id.Value, Actors.Operations));
        await OrderStepAsync(new StartPicking(order.Id.Value, Actors.Warehouse));
        return await Host.LoadAsync(order.Id.Value);
    }

    [Fact]
    public async Task ShortPick_WithStockElsewhere_WritesTheMissingUnitsOffAndReservesThemAtTheOtherLocation()
    {
        await SetStockAsync(Polo, (Berlin, 3), (Rotterdam, 5));
        var order = await PickingAsync(new OrderBuilder().WithLine(Polo, 3));
        Assert.Equal(Berlin, order.Shipments.Single().Location.Value);

        var result = await OrderStepAsync(new ReportShortPick(order.Id.Value, Actors.Warehouse, 1, 2));

        Assert.Equal(OrderStatus.Picking, result.Status);
        var after = await Host.LoadAsync(order.Id.Value);
        Assert.Equal([(Berlin, 1), (Rotterdam, 2)], after.OpenShipments.Select(s => (s.Location.Value, s.Lines.Single().Quantity)));
        Assert.Equal((0, 1), await LevelsAsync(Polo, Berlin));
        Assert.Equal((3, 2), await LevelsAsync(Polo, Rotterdam));
        var writeOff = (await EntriesAsync(Polo, Berlin)).Single(e => e.ReasonCode == ReasonCodes.ShortPick);
        Assert.Equal((StockBucket.Reserved, (StockBucket?)null, 2, Actors.Warehouse.Id), (writeOff.From!.Value, writeOff.To, writeOff.Quantity, writeOff.ActorId));
        await AssertReservationsMatchShipmentsAsync(after);
    }

    [Fact]
    public async Task ShortPick_WithNoStockLeft_BackordersTheUnitsAndThePickedShipmentKeepsItsPick()
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().WithLine(Polo, 3));
        await OrderStepAsync(new ConfirmPick(order.Id.Value, Actors.Warehouse));

        var result = await OrderStepAsync(new ReportShortPick(order.Id.Value, Actors.Warehouse, 1, 1));

        Assert.Equal(OrderStatus.PartiallyAllocated, result.Status);
        var after = await Host.LoadAsync(order.Id.Value);
        Assert.Equal((2, 2, 1), (after.Lines[0].AllocatedQuantity, after.Lines[0].PickedQuantity, after.Lines[0].BackorderedQuantity));
        Assert.True(after.Shipments.Single().IsPicked);
        Assert.Equal((0, 2), await LevelsAsync(Polo, Berlin));
        await AssertReservationsMatchShipmentsAsync(after);
    }

    [Fact]
    public async Task ShortPick_OnAChannelWithoutBackorders_HoldsTheOrderForTheShortfall()
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Polo, 3));

        var result = await OrderStepAsync(new ReportShortPick(order.Id.Value, Actors.Warehouse, 1, 1));

        Assert.Equal((OrderStatus.Picking, true), (result.Status, result.IsOnHold));
        var hold = (await Host.LoadAsync(order.Id.Value)).OpenHolds.Single();
        Assert.Equal(HoldType.InventoryShortfall, hold.Type);
        Assert.Contains($"{Polo} x1", hold.Reason);
        Assert.Equal((0, 2), await LevelsAsync(Polo, Berlin));
    }

    [Fact]
    public async Task ShortfallHoldInPicking_ReleasedAfterStockArrives_AllocatesTheShortPickedUnitsAgain()
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Polo, 3));
        var held = await OrderStepAsync(new ReportShortPick(order.Id.Value, Actors.Warehouse, 1, 1));
        await ReceiveAsync(Polo, Rotterdam, 4);
        await Host.DispatchOutboxAsync();

        await OrderStepAsync(new ReleaseHold(order.Id.Value, Planner, held.Order.Holds.Single(h => h.ReleasedAt is null).Id, "stock received"));
        await Host.DispatchOutboxAsync();

        var after = await Host.LoadAsync(order.Id.Value);
        Assert.Equal((OrderStatus.Picking, false, 3), (after.Status, after.IsOnHold, after.Lines[0].AllocatedQuantity));
        Assert.Equal([(Berlin, 2), (Rotterdam, 1)], after.OpenShipments.Select(s => (s.Location.Value, s.Lines.Single().Quantity)));
        Assert.Equal((3, 1), await LevelsAsync(Polo, Rotterdam));
        await AssertReservationsMatchShipmentsAsync(after);
    }

    [Fact]
    public async Task ShortPick_OfMoreUnitsThanTheShipmentHolds_IsRefusedAndChangesNothing()
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().WithLine(Polo, 2));

        await RefusedAsync<ReportShortPick, OrderCommandResult>(new ReportShortPick(order.Id.Value, Actors.Warehouse, 1, 3),
            OrderErrors.ShortPickInvalidCode, "missingQuantity");
    }

    [Theory]
    [InlineData(0, 1, OrderErrors.LineNotFoundCode, "lineNumber")]
    [InlineData(1, 0, OrderErrors.ShortPickInvalidCode, "missingQuantity")]
    [InlineData(1, -4, OrderErrors.ShortPickInvalidCode, "missingQuantity")]
    [InlineData(7, 1, OrderErrors.LineNotFoundCode, "lineNumber")]
    public async Task ShortPick_WithBadInput_IsRefusedWithANamedErrorAndChangesNothing(int lineNumber, int missing, string code, string field)
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().WithLine(Polo, 2));

        await RefusedAsync<ReportShortPick, OrderCommandResult>(new ReportShortPick(order.Id.Value, Actors.Warehouse, lineNumber, missing), code, field);
    }

    [Fact]
    public async Task ShortPick_ByAnActorOutsideTheWarehouse_IsNotPermitted()
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().WithLine(Polo, 2));

        await RefusedAsync<ReportShortPick, OrderCommandResult>(new ReportShortPick(order.Id.Value, Actors.Finance, 1, 1), OrderErrors.ActorNotPermittedCode);
    }

    [Fact]
    public async Task ShortPick_OfAnEmptyShipmentId_IsRefused()
    {
        await SetStockAsync(Polo, (Berlin, 3));
        var order = await PickingAsync(new OrderBuilder().WithLine(Polo, 2));

        await RefusedAsync<ReportShortPick, OrderCommandResult>(new ReportShortPick(order.Id.Value, Actors.Warehouse, 1, 1, Guid.Empty),
            OrderErrors.ShipmentNotFoundCode, "shipmentId");
    }
}
