using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Catalog.SetSkuSubstitutes;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.AllocateOrder;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ValidateOrder;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Orders;

/// <summary>Backorders convert when stock arrives, by priority then age; scarce stock is never promised twice.</summary>
public sealed class BackorderConversionTests : AllocationScenario
{
    private const string Hoodie = "HOODIE-ZIP-S-OLV";

    // Nothing names this hoodie as a substitute until a test says so.
    private const string OtherHoodie = "HOODIE-ZIP-S-GRY";

    // The demo's crew-neck tee may ship as the V-neck of its size and colour (and back) where the channel permits it: WEB does.
    private const string Tee = "TEE-CREW-M-BLK";
    private const string VNeckTee = "TEE-VNECK-M-BLK";

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
        Assert.Equal([newestHigh.Id.Value.ToString(), olderNormal.Id.Value.ToString()], await AllocatedInTurnAsync());
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

    [Fact]
    public async Task SubstituteArriving_AllocatesTheOrderWaitingForTheSkuItSubstitutes_WithTheSubstitute()
    {
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee);
        var waiting = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2));
        Assert.Equal(OrderStatus.Backordered, waiting.Status);

        await ReceiveAsync(VNeckTee, Berlin, 2);
        await Host.DispatchOutboxAsync();

        var allocated = await Host.LoadAsync(waiting.Id.Value);
        Assert.Equal(OrderStatus.Allocated, allocated.Status);
        Assert.Equal((1, VNeckTee, 2), allocated.Shipments.Single().Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)).Single());
        Assert.Equal((0, 2), await LevelsAsync(VNeckTee, Berlin));
        await AssertReservationsMatchShipmentsAsync(allocated);
    }

    [Fact]
    public async Task SubstituteArriving_LeavesAnOrderBackordered_WhereItsChannelDoesNotSubstitute()
    {
        await NoSubstitutionAtZalandoAsync();
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee);
        var waiting = await CaptureAndAllocateAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Tee, 2));
        Assert.Equal(OrderStatus.Backordered, waiting.Status);

        await ReceiveAsync(VNeckTee, Berlin, 2);
        await Host.DispatchOutboxAsync();

        var still = await Host.LoadAsync(waiting.Id.Value);
        Assert.Equal((OrderStatus.Backordered, 2, waiting.Version), (still.Status, still.Lines[0].BackorderedQuantity, still.Version));
        Assert.Equal((2, 0), await LevelsAsync(VNeckTee, Berlin));
    }

    [Fact]
    public async Task OrdersASubstituteCanServe_AreFoundOnlyInChannelsThatSubstitute_AfterThoseWaitingForItItself()
    {
        await NoSubstitutionAtZalandoAsync();
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee);
        var zalandoTee = await CaptureAndAllocateAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithLine(Tee, 1));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var webTee = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 1));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var webVNeck = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(VNeckTee, 1));
        Assert.All([zalandoTee, webTee, webVNeck], o => Assert.Equal(OrderStatus.Backordered, o.Status));

        var found = await Host.InScopeAsync(async sp =>
        {
            var arrival = await sp.GetRequiredService<SubstituteLookup>().ArrivalOfAsync(SkuCode.Of(VNeckTee), CancellationToken.None);
            return await sp.GetRequiredService<IOrderRepository>().FindWaitingForStockAsync(arrival, 50, CancellationToken.None);
        });

        Assert.Equal([webVNeck.Id.Value, webTee.Id.Value], found);
    }

    [Fact]
    public async Task SubstituteArriving_ServesHigherPriorityFirst_AndWithinAPriorityThoseWhoOrderedItBeforeOlderOrdersItWouldSubstituteFor()
    {
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee);
        var olderNormalTee = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 1));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var newerNormalVNeck = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(VNeckTee, 1));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var newestHighTee = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 1).WithPriority(OrderPriority.High));
        Assert.All([olderNormalTee, newerNormalVNeck, newestHighTee], o => Assert.Equal(OrderStatus.Backordered, o.Status));

        await ReceiveAsync(VNeckTee, Rotterdam, 2);
        await Host.DispatchOutboxAsync();

        Assert.Equal([newestHighTee.Id.Value.ToString(), newerNormalVNeck.Id.Value.ToString()], await AllocatedInTurnAsync());
        Assert.Equal(VNeckTee, (await Host.LoadAsync(newestHighTee.Id.Value)).Shipments.Single().Lines.Single().Sku.Value);
        var waiting = await Host.LoadAsync(olderNormalTee.Id.Value);
        Assert.Equal((OrderStatus.Backordered, 1), (waiting.Status, waiting.Lines[0].BackorderedQuantity));
        Assert.Equal((0, 2), await LevelsAsync(VNeckTee, Rotterdam));
    }

    [Fact]
    public async Task ASubstituteAdded_AfterTheCacheWasWarmed_IsHonouredByTheNextArrival()
    {
        await SetStockAsync(Hoodie);
        await SetStockAsync(OtherHoodie);
        var waiting = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 2));
        Assert.Equal(OrderStatus.Backordered, waiting.Status);
        // An arrival of the other hoodie while nothing names it as a substitute: the lookup is built for this stamp, the order waits.
        await ReceiveAsync(OtherHoodie, Berlin, 1);
        await Host.DispatchOutboxAsync();
        var before = await Host.LoadAsync(waiting.Id.Value);
        Assert.Equal((OrderStatus.Backordered, waiting.Version), (before.Status, before.Version));

        await SetSubstitutesAsync(Hoodie, OtherHoodie);
        await ReceiveAsync(OtherHoodie, Berlin, 1);
        await Host.DispatchOutboxAsync();

        var allocated = await Host.LoadAsync(waiting.Id.Value);
        Assert.Equal(OrderStatus.Allocated, allocated.Status);
        Assert.Equal((1, OtherHoodie, 2), allocated.Shipments.Single().Lines.Select(l => (l.LineNumber, l.Sku.Value, l.Quantity)).Single());
        Assert.Equal((0, 2), await LevelsAsync(OtherHoodie, Berlin));
    }

    [Fact]
    public async Task ASubstituteRemoved_AfterTheCacheWasWarmed_NoLongerServesTheNextArrival()
    {
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee);
        var waiting = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2));
        Assert.Equal(OrderStatus.Backordered, waiting.Status);
        // The lookup is built for this stamp while the tee still names the V-neck as its substitute (the demo's).
        Assert.Contains(SkuCode.Of(Tee), (await ArrivalOfAsync(VNeckTee)).SubstituteFor);

        await SetSubstitutesAsync(Tee);
        await ReceiveAsync(VNeckTee, Berlin, 2);
        await Host.DispatchOutboxAsync();

        var still = await Host.LoadAsync(waiting.Id.Value);
        Assert.Equal((OrderStatus.Backordered, 2, waiting.Version), (still.Status, still.Lines[0].BackorderedQuantity, still.Version));
        Assert.Equal((2, 0), await LevelsAsync(VNeckTee, Berlin));
        // An arrival of the V-neck wakes nobody for the tee. (Woken, the order would still wait: a single allocation reads the SKU
        // afresh. The lookup is what shows the list was read again.)
        Assert.Empty((await ArrivalOfAsync(VNeckTee)).SubstituteFor);
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

    /// <summary>The orders allocated so far, in the order they were served.</summary>
    private Task<List<string>> AllocatedInTurnAsync() => Host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.EventType == nameof(OrderAllocated)).OrderBy(m => m.Sequence).Select(m => m.AggregateId).ToListAsync());

    private Task<StockArrival> ArrivalOfAsync(string sku) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<SubstituteLookup>().ArrivalOfAsync(SkuCode.Of(sku), CancellationToken.None));

    private async Task SetSubstitutesAsync(string sku, params string[] substitutes) =>
        Succeeded(await SendAsync<SetSkuSubstitutes, SkuDetailsView>(new SetSkuSubstitutes(Planner, sku, substitutes)));

    /// <summary>The marketplace backorders what it cannot ship but never ships a substitute.</summary>
    private async Task NoSubstitutionAtZalandoAsync() =>
        Succeeded(await SendAsync<SetChannelPolicy, ChannelPolicyView>(new SetChannelPolicy(Planner, "MKT-ZALANDO", [Berlin, Rotterdam], [],
            false, true, false, Enum.GetNames<AllocationRule>(), null, null, null, 24)));
}
