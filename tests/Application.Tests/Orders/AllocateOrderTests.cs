using EcomErp.Application.Catalog.CreateCarrier;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.UpdateCarrier;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.AllocateOrder;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Orders;

/// <summary>
/// AllocateOrder on the engine and the ledger: the channel's policy decides, the balances are reserved in the order's
/// transaction, and shipping, cancelling and receiving move the reservations.
/// </summary>
public sealed class AllocateOrderTests : AllocationScenario
{
    private const string Tee = "TEE-CREW-M-BLK";
    private const string VNeckTee = "TEE-VNECK-M-BLK";
    private const string Polo = "POLO-PIQUE-L-NVY";

    [Fact]
    public async Task Allocate_WithStockInTheShipToRegion_ReservesExactlyThePlanInOneShipment()
    {
        await SetStockAsync(Tee, (Berlin, 5), (Rotterdam, 4));

        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 3));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        var shipment = Assert.Single(order.Shipments);
        Assert.Equal((Berlin, ShipmentStatus.Open, 1), (shipment.Location.Value, shipment.Status, shipment.Number));
        Assert.Equal((1, Tee, 3), shipment.Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)).Single());
        Assert.Equal((2, 3), await LevelsAsync(Tee, Berlin));
        Assert.Equal((4, 0), await LevelsAsync(Tee, Rotterdam));
        await AssertReservationsMatchShipmentsAsync(order);
        var allocated = await Host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().CountAsync(m => m.EventType == nameof(OrderAllocated)));
        Assert.Equal(1, allocated);
    }

    [Fact]
    public async Task Allocate_WhenNoLocationHoldsEverything_SplitsOnAChannelThatAllows()
    {
        await SetStockAsync(Tee, (Berlin, 2), (Rotterdam, 3));

        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 4));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal([Berlin, Rotterdam], order.Shipments.Select(s => s.Location.Value).Order());
        Assert.Equal(4, order.Lines[0].AllocatedQuantity);
        Assert.Contains(order.Shipments, s => s.EstimatedCostMinor > 0);
        await AssertReservationsMatchShipmentsAsync(order);
    }

    [Fact]
    public async Task Allocate_WhenNoLocationHoldsEverything_OnAShipCompleteChannelWithoutBackorders_HoldsTheOrderAndReservesNothing()
    {
        await SetStockAsync(Tee, (Berlin, 2), (Rotterdam, 3));

        var order = await CaptureAndAllocateAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Tee, 4));

        Assert.Equal(OrderStatus.Validated, order.Status);
        var hold = Assert.Single(order.OpenHolds);
        Assert.Equal((HoldType.InventoryShortfall, Actor.SystemId), (hold.Type, hold.PlacedBy));
        Assert.Contains($"{Tee} x4", hold.Reason);
        Assert.Empty(order.Shipments);
        Assert.Empty(await ReservedForAsync(order.Id.Value));
        Assert.Equal((2, 0), await LevelsAsync(Tee, Berlin));
    }

    [Fact]
    public async Task Allocate_WithoutStock_OnAChannelThatAllowsBackorders_BackordersTheOrder()
    {
        await SetStockAsync(Polo);

        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Polo, 2));

        Assert.Equal(OrderStatus.Backordered, order.Status);
        Assert.Equal((0, 2), (order.Lines[0].AllocatedQuantity, order.Lines[0].BackorderedQuantity));
        Assert.False(order.IsOnHold);
        Assert.Empty(await ReservedForAsync(order.Id.Value));
    }

    [Fact]
    public async Task Allocate_WithPartOfTheStock_ReservesWhatThereIsAndBackordersTheRest()
    {
        await SetStockAsync(Polo, (Rotterdam, 1));

        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Polo, 3));

        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.Equal((1, 2), (order.Lines[0].AllocatedQuantity, order.Lines[0].BackorderedQuantity));
        Assert.Equal((0, 1), await LevelsAsync(Polo, Rotterdam));
        await AssertReservationsMatchShipmentsAsync(order);
        var release = await SendAsync<ReleaseOrder, OrderCommandResult>(new ReleaseOrder(order.Id.Value, Actors.Operations));
        Assert.Equal(OrderErrors.IllegalTransitionCode, release.Error.Code);
    }

    [Fact]
    public async Task Allocate_WhenTheOrderedSkuIsOutEverywhere_ShipsAnAllowedSubstitute()
    {
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee, (Berlin, 5));

        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal((1, VNeckTee, 2), order.Shipments.Single().Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)).Single());
        Assert.Equal((3, 2), await LevelsAsync(VNeckTee, Berlin));
        await AssertReservationsMatchShipmentsAsync(order);
    }

    [Fact]
    public async Task Allocate_WhenThePrimaryLocationsCannotServe_RoutesToTheChannelsAlternateLocation()
    {
        await Host.WithDbAsync(db =>
        {
            db.Locations.Add(Location.Create("3PL-POZNAN", "Poznań 3PL", LocationKind.ThirdPartyLogistics, "PL", 9, CarrierCapacity.EveryLevel(500)).Value);
            return db.SaveChangesAsync();
        });
        Succeeded(await SendAsync<SetChannelPolicy, ChannelPolicyView>(new SetChannelPolicy(Planner, "MKT-ZALANDO", [Berlin, Rotterdam], ["3PL-POZNAN"],
            false, false, false, Enum.GetNames<AllocationRule>(), null, null, null, 24)));
        await SetStockAsync(Polo, (Berlin, 1));
        await ReceiveAsync(Polo, "3PL-POZNAN", 6);

        var order = await CaptureAndAllocateAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Polo, 3));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal("3PL-POZNAN", order.Shipments.Single().Location.Value);
        Assert.Equal((3, 3), await LevelsAsync(Polo, "3PL-POZNAN"));
        Assert.Equal((1, 0), await LevelsAsync(Polo, Berlin));
    }

    [Fact]
    public async Task ConfirmShipment_OnceTheMasterKeepsCarriers_TakesOnlyAnActiveOne()
    {
        await SetStockAsync(Tee, (Berlin, 5));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2));
        var id = order.Id.Value;
        await OrderStepAsync(new ReleaseOrder(id, Actors.Operations));
        await OrderStepAsync(new StartPicking(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPick(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPack(id, Actors.Warehouse, 1));
        Succeeded(await SendAsync<CreateCarrier, CarrierView>(new CreateCarrier(Actors.Planner, "GLS", "GLS", [ServiceLevel.Standard])));
        Succeeded(await SendAsync<CreateCarrier, CarrierView>(new CreateCarrier(Actors.Planner, "POSTNL", "PostNL", [ServiceLevel.Standard])));
        Succeeded(await SendAsync<UpdateCarrier, CarrierView>(new UpdateCarrier(Actors.Planner, "POSTNL", "PostNL", [ServiceLevel.Standard], null, false)));

        var unknown = await SendAsync<ConfirmShipment, OrderCommandResult>(new ConfirmShipment(id, Actors.Warehouse, "Pigeon Post", "JD01"));
        var inactive = await SendAsync<ConfirmShipment, OrderCommandResult>(new ConfirmShipment(id, Actors.Warehouse, "POSTNL", "JD01"));
        Assert.Equal((CarrierErrors.UnknownCode, "carrier"), (unknown.Error.Code, unknown.Error.Field));
        Assert.Equal(CarrierErrors.UnknownCode, inactive.Error.Code);
        Assert.Equal((3, 2), await LevelsAsync(Tee, Berlin));

        var shipped = await OrderStepAsync(new ConfirmShipment(id, Actors.Warehouse, "gls", "JD01"));

        Assert.Equal(OrderStatus.Shipped, shipped.Status);
    }

    [Fact]
    public async Task ConfirmShipment_ConsumesTheShipmentsReservationInTheSameTransaction()
    {
        await SetStockAsync(Tee, (Berlin, 5));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2));
        var id = order.Id.Value;
        await OrderStepAsync(new ReleaseOrder(id, Actors.Operations));
        await OrderStepAsync(new StartPicking(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPick(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPack(id, Actors.Warehouse, 1));

        var shipped = await OrderStepAsync(new ConfirmShipment(id, Actors.Warehouse, "DHL", "JD01", ShipmentId: order.Shipments[0].Id));

        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal((3, 0), await LevelsAsync(Tee, Berlin));
        var shipment = (await EntriesAsync(Tee, Berlin)).Last();
        Assert.Equal((StockBucket.Reserved, (StockBucket?)null, ReasonCodes.Shipment, 2, InventoryBalance.OrderReference(id)),
            (shipment.From!.Value, shipment.To, shipment.ReasonCode, shipment.Quantity, shipment.Reference));
        Assert.Empty(await ReservedForAsync(id));
    }

    [Fact]
    public async Task ConfirmShipment_OfASplitOrder_ShipsOneShipmentAtATime()
    {
        await SetStockAsync(Tee, (Berlin, 2), (Rotterdam, 3));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 4));
        var id = order.Id.Value;
        await OrderStepAsync(new ReleaseOrder(id, Actors.Operations));
        await OrderStepAsync(new StartPicking(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPick(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPack(id, Actors.Warehouse, 2));

        var withoutShipment = await SendAsync<ConfirmShipment, OrderCommandResult>(new ConfirmShipment(id, Actors.Warehouse, "DHL", "JD01"));
        Assert.Equal((OrderErrors.ShipmentRequiredCode, "shipmentId"), (withoutShipment.Error.Code, withoutShipment.Error.Field));
        var first = await OrderStepAsync(new ConfirmShipment(id, Actors.Warehouse, "DHL", "JD01", ShipmentId: order.Shipments[0].Id));
        Assert.Equal(OrderStatus.PartiallyShipped, first.Status);
        var last = await OrderStepAsync(new ConfirmShipment(id, Actors.Warehouse, "UPS", "1Z02"));

        Assert.Equal(OrderStatus.Shipped, last.Status);
        var (berlin, rotterdam) = (await LevelsAsync(Tee, Berlin), await LevelsAsync(Tee, Rotterdam));
        Assert.Equal((1, 0), (berlin.Available + rotterdam.Available, berlin.Reserved + rotterdam.Reserved));
        Assert.Empty(await ReservedForAsync(id));
    }

    [Fact]
    public async Task CancelOrder_GivesEveryReservedUnitBackToAvailable()
    {
        await SetStockAsync(Tee, (Berlin, 2), (Rotterdam, 3));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 4));

        var cancelled = await OrderStepAsync(new CancelOrder(order.Id.Value, Actors.CustomerService, "Customer changed their mind"));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal((2, 0), await LevelsAsync(Tee, Berlin));
        Assert.Equal((3, 0), await LevelsAsync(Tee, Rotterdam));
        Assert.Empty(await ReservedForAsync(order.Id.Value));
        Assert.All((await Host.LoadAsync(order.Id.Value)).Shipments, s => Assert.Equal(ShipmentStatus.Cancelled, s.Status));
    }

    [Fact]
    public async Task ShortfallHold_Released_AllocatesAgainWithTheStockThereIsThen()
    {
        await SetStockAsync(Tee, (Berlin, 2));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Tee, 4));
        await ReceiveAsync(Tee, Berlin, 2);
        await Host.DispatchOutboxAsync();
        Assert.Equal(OrderStatus.Validated, (await Host.LoadAsync(order.Id.Value)).Status);

        await OrderStepAsync(new ReleaseHold(order.Id.Value, Planner, order.OpenHolds.Single().Id, "stock received"));
        await Host.DispatchOutboxAsync();

        var allocated = await Host.LoadAsync(order.Id.Value);
        Assert.Equal(OrderStatus.Allocated, allocated.Status);
        Assert.Equal((0, 4), await LevelsAsync(Tee, Berlin));
    }

    [Fact]
    public async Task AllocateOrder_WhenStockIsStillShort_IsRefusedAndChangesNothing()
    {
        await SetStockAsync(Polo);
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Polo, 2));
        var before = await StateAsync();

        var again = await SendAsync<AllocateOrder, OrderCommandResult>(new AllocateOrder(order.Id.Value, Actor.System));

        Assert.Equal(OrderErrors.NoStockToAllocateCode, again.Error.Code);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(order.Version, (await Host.LoadAsync(order.Id.Value)).Version);
    }

    [Fact]
    public async Task AllocateOrder_OfAnAllocatedOrder_IsAnIllegalTransition()
    {
        await SetStockAsync(Tee, (Berlin, 5));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2));

        var again = await SendAsync<AllocateOrder, OrderCommandResult>(new AllocateOrder(order.Id.Value, Actor.System));

        Assert.Equal(OrderErrors.IllegalTransitionCode, again.Error.Code);
        Assert.Equal((3, 2), await LevelsAsync(Tee, Berlin));
    }

    [Fact]
    public async Task AllocateOrder_WithAStaleExpectedVersion_IsAConflictAndReservesNothing()
    {
        await SetStockAsync(Polo);
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Polo, 2));
        await ReceiveAsync(Polo, Berlin, 2);

        var stale = await SendAsync<AllocateOrder, OrderCommandResult>(new AllocateOrder(order.Id.Value, Actor.System, order.Version - 1));

        Assert.Equal((CommonErrors.Conflict, "expectedVersion"), (stale.Error.Code, stale.Error.Field));
        Assert.Equal((2, 0), await LevelsAsync(Polo, Berlin));
    }
}
