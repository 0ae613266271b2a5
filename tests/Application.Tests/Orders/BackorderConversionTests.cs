using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.AllocateOrder;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ValidateOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Orders;

/// <summary>Backorders convert when stock arrives, by priority then age; scarce stock is never promised twice.</summary>
public sealed class BackorderConversionTests : AllocationScenario
{
    private const string Hoodie = "HOODIE-ZIP-S-OLV";

    [Fact]
    public async Task StockArriving_AllocatesTheWaitingOrders_HighestPriorityFirstThenOldest()
    {
        await SetStockAsync(Hoodie);
        var olderNormal = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var newerNormal = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var newestHigh = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1).WithPriority(OrderPriority.High));
        Assert.All([olderNormal, newerNormal, newestHigh], o => Assert.Equal(OrderStatus.Backordered, o.Status));

        await ReceiveAsync(Hoodie, Rotterdam, 2);
        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(newestHigh.Id.Value)).Status);
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(olderNormal.Id.Value)).Status);
        var waiting = await Host.LoadAsync(newerNormal.Id.Value);
        Assert.Equal((OrderStatus.Backordered, 1), (waiting.Status, waiting.Lines[0].BackorderedQuantity));
        Assert.Equal((0, 2), await LevelsAsync(Hoodie, Rotterdam));
        var allocatedEvents = await Host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.EventType == nameof(OrderAllocated)).OrderBy(m => m.Sequence).Select(m => m.AggregateId).ToListAsync());
        Assert.Equal([newestHigh.Id.Value.ToString(), olderNormal.Id.Value.ToString()], allocatedEvents);
    }

    [Fact]
    public async Task ReservationGivenBack_ByACancellation_AllocatesTheNextWaitingOrder()
    {
        await SetStockAsync(Hoodie, (Berlin, 1));
        var first = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1));
        var second = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1));
        Assert.Equal((OrderStatus.Allocated, OrderStatus.Backordered), (first.Status, second.Status));

        await OrderStepAsync(new CancelOrder(first.Id.Value, Actors.CustomerService, "Customer changed their mind"));
        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(second.Id.Value)).Status);
        Assert.Equal((0, 1), await LevelsAsync(Hoodie, Berlin));
    }

    [Fact]
    public async Task StockMovedIntoAvailable_FromQualityHold_ConvertsBackordersToo()
    {
        await SetStockAsync(Hoodie, (Berlin, 2));
        Succeeded(await SendAsync<MoveStock, BalanceView>(
            new MoveStock(Actors.Warehouse, Hoodie, Berlin, StockBucket.Available, StockBucket.QualityHold, 2, "inspection")));
        var waiting = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 2));
        Assert.Equal(OrderStatus.Backordered, waiting.Status);

        Succeeded(await SendAsync<MoveStock, BalanceView>(
            new MoveStock(Actors.Warehouse, Hoodie, Berlin, StockBucket.QualityHold, StockBucket.Available, 2, "inspection passed")));
        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(waiting.Id.Value)).Status);
    }

    [Fact]
    public async Task AnOrderOnHold_IsNotConvertedWhenStockArrives()
    {
        await SetStockAsync(Hoodie);
        var held = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1));
        await OrderStepAsync(new PlaceHold(held.Id.Value, Actors.Operations, HoldType.Manual, "customer asked to wait"));

        await ReceiveAsync(Hoodie, Berlin, 1);
        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Backordered, (await Host.LoadAsync(held.Id.Value)).Status);
        Assert.Equal((1, 0), await LevelsAsync(Hoodie, Berlin));
    }

    [Theory]
    [InlineData("WEB")]
    [InlineData("MKT-ZALANDO")]
    public async Task ManyParallelAllocations_OfScarceStock_ReserveExactlyTheAvailableUnitsAndTheRestWaitOrAreHeld(string channel)
    {
        const int available = 5;
        const int orders = 16;
        await SetStockAsync(Hoodie, (Berlin, 3), (Rotterdam, 2));
        // Captured in parallel too; validated here, so that allocation (not the outbox dispatcher) is what races.
        var ids = await Task.WhenAll(Enumerable.Range(0, orders).Select(_ => Task.Run(() =>
            CaptureAsync(new OrderBuilder().ForChannel(channel).By(Actors.Admin).WithLine(Hoodie, 1)))));
        foreach (var id in ids)
            await OrderStepAsync(new ValidateOrder(id, Actor.System));
        using var start = new SemaphoreSlim(0);

        // Every caller has its own scope, DbContext and connection, as parallel workers would.
        var calls = ids.Select(id => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await SendAsync<AllocateOrder, OrderCommandResult>(new AllocateOrder(id, Actor.System));
        })).ToList();
        start.Release(orders);
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        var stored = new List<Order>();
        foreach (var id in ids)
            stored.Add(await Host.LoadAsync(id));
        Assert.Equal(available, stored.Count(o => o.Status == OrderStatus.Allocated));
        Assert.Equal(available, stored.Sum(o => o.Lines[0].AllocatedQuantity));
        if (channel == "WEB")
            Assert.All(stored.Where(o => o.Status != OrderStatus.Allocated), o => Assert.Equal(OrderStatus.Backordered, o.Status));
        else
            Assert.All(stored.Where(o => o.Status != OrderStatus.Allocated), o => Assert.Equal(HoldType.InventoryShortfall, o.OpenHolds.Single().Type));
        var (berlin, rotterdam) = (await LevelsAsync(Hoodie, Berlin), await LevelsAsync(Hoodie, Rotterdam));
        Assert.Equal((0, available), (berlin.Available + rotterdam.Available, berlin.Reserved + rotterdam.Reserved));
        foreach (var order in stored)
            await AssertReservationsMatchShipmentsAsync(order);
    }
}
