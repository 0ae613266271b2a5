using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ReserveStock;
using EcomErp.Application.Inventory.SetSafetyStock;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>
/// Available to promise on the real SQLite file, per the demo channels' policies (WEB: the three warehouses, no limit;
/// MKT-ZALANDO: Berlin and Rotterdam, 80 %; WHOLESALE: Rotterdam and Berlin, a cap). Each test uses a SKU of its own
/// with no stock anywhere, so every figure comes from the test.
/// </summary>
public sealed class AvailableToPromiseTests : InventoryScenario
{
    private const string Berlin = "WH-BERLIN", Rotterdam = "WH-ROTTERDAM", Leeds = "WH-LEEDS";
    private static readonly DateOnly Today = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime);

    private async Task<string> NewSkuAsync(string code = "ATP-TEST-M-BLK")
    {
        await Host.WithDbAsync(async db =>
        {
            var euro = Currency.Of("EUR");
            db.Skus.Add(Sku.Create(code, "ATP test tee", "ATP-TEST", "M", "Black", new Money(2_000, euro), new Money(800, euro), 180,
                Host.Time.GetUtcNow()).Value);
            return await db.SaveChangesAsync();
        });
        return code;
    }

    private async Task StockAsync(string sku, string location, int available, int safetyStock = 0)
    {
        // Up to the approval threshold (50) within its period, adjustments apply at once; more would wait, split or not (decision 071).
        if (available > 0)
            Assert.Equal(AdjustmentStatus.Applied, Succeeded(await SendAsync<AdjustStock, AdjustmentView>(
                new AdjustStock(Actors.Warehouse, sku, location, available, ReasonCodes.Found))).Status);
        if (safetyStock > 0)
            Succeeded(await SendAsync<SetSafetyStock, BalanceView>(new SetSafetyStock(Planner, sku, location, safetyStock)));
    }

    private async Task<Guid> InboundAsync(string sku, string location, int quantity, DateOnly eta)
    {
        var created = Succeeded(await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location, [new CreatePurchaseOrderLine(sku, quantity, eta)])));
        Succeeded(await SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, created.Id)));
        return created.Id;
    }

    /// <summary>Projects what the test did first: the query answers from the inventory position read model.</summary>
    private async Task<Result<AvailableToPromiseView>> QueryAsync(string channel, params AvailabilityRequest[] skus)
    {
        await Host.ProjectReadModelsAsync();
        return await Host.QueryAsync<GetAvailableToPromise, AvailableToPromiseView>(new GetAvailableToPromise(channel, skus));
    }

    /// <summary>Reserves for an order of <paramref name="channel"/> the way the allocation does: on the balance, naming the channel.</summary>
    private Task<int> ReserveForChannelAsync(string sku, string location, int quantity, string channel) => Host.WithDbAsync(async db =>
    {
        var (skuCode, locationCode) = (SkuCode.Of(sku), LocationCode.Of(location));
        var balance = db.Set<InventoryBalance>().Single(b => b.Sku == skuCode && b.Location == locationCode);
        Assert.True(balance.Reserve(Quantity.Of(quantity), Guid.CreateVersion7(), Actor.System, Host.Time.GetUtcNow(), ChannelCode.Of(channel)).IsSuccess);
        return await db.SaveChangesAsync();
    });

    private async Task<SkuAvailabilityView> AtpAsync(string channel, string sku, int? quantity = null) =>
        Assert.Single(Succeeded(await QueryAsync(channel, new AvailabilityRequest(sku, quantity))).Skus).Value;

    [Fact]
    public async Task Atp_SubtractsSafetyStockPerLocation_NeverBelowZero_AndSumsTheEligibleLocations()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Berlin, 30, safetyStock: 5);
        await StockAsync(sku, Rotterdam, 4, safetyStock: 10);
        await StockAsync(sku, Leeds, 12);

        var atp = await AtpAsync("WEB", sku);

        Assert.Equal((37, 37), (atp.AvailableToPromise, atp.UsableStock));
        Assert.Equal(46, atp.PriorityAvailableToPromise); // WEB lets urgent orders draw on safety stock
        Assert.Equal(
            [new LocationAvailabilityView(Berlin, 30, 5, 25, 0, 0), new LocationAvailabilityView(Rotterdam, 4, 10, 0, 0, 0),
                new LocationAvailabilityView(Leeds, 12, 0, 12, 0, 0)],
            atp.Locations);
    }

    [Fact]
    public async Task Atp_CountsOnlyTheChannelsEligibleLocations_AndAppliesItsShareRoundedDown()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Berlin, 31);
        await StockAsync(sku, Rotterdam, 10);
        await StockAsync(sku, Leeds, 40);

        var atp = await AtpAsync("MKT-ZALANDO", sku);

        Assert.Equal([Berlin, Rotterdam], atp.Locations.Select(l => l.Location));
        Assert.Equal((41, 32), (atp.UsableStock, atp.AvailableToPromise));
        Assert.Null(atp.PriorityAvailableToPromise); // no Zalando order draws on safety stock
    }

    [Fact]
    public async Task Atp_AppliesTheChannelsCapPerSku()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Berlin, 30);
        await StockAsync(sku, Rotterdam, 10);
        Succeeded(await SendAsync<SetChannelPolicy, ChannelPolicyView>(new SetChannelPolicy(Planner, "WHOLESALE", [Rotterdam, Berlin], [], true, true,
            false, [nameof(AllocationRule.StockDepth)], null, 25, null, 72)));

        var atp = await AtpAsync("WHOLESALE", sku);

        Assert.Equal((40, 25), (atp.UsableStock, atp.AvailableToPromise));
    }

    [Fact]
    public async Task Atp_ShowsTheChannelsCommittedDemandAndInboundWithEtasBesideIt()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Berlin, 30);
        await ReserveForChannelAsync(sku, Berlin, 8, "WEB");
        await ReserveForChannelAsync(sku, Berlin, 3, "MKT-ZALANDO");
        Succeeded(await SendAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, Berlin, 2, Guid.CreateVersion7()))); // no channel named
        var later = await InboundAsync(sku, Leeds, 12, Today.AddDays(14));
        var sooner = await InboundAsync(sku, Rotterdam, 24, Today.AddDays(7));
        await InboundAsync(sku, "WH-LEEDS", 1, Today.AddDays(3)); // a second line at Leeds, earliest of all

        var atp = await AtpAsync("WEB", sku);

        Assert.Equal((17, 8), (atp.AvailableToPromise, atp.Committed));
        Assert.Equal(3, (await AtpAsync("MKT-ZALANDO", sku)).Committed);
        Assert.Equal(new LocationAvailabilityView(Berlin, 17, 0, 17, 13, 0), atp.Locations[0]);
        Assert.Equal((24, 13), (atp.Locations[1].Inbound, atp.Locations[2].Inbound));
        Assert.Equal([(Leeds, Today.AddDays(3), 1), (Rotterdam, Today.AddDays(7), 24), (Leeds, Today.AddDays(14), 12)],
            atp.Inbound.Select(i => (i.Location, i.ExpectedOn, i.Quantity)));
        Assert.Equal([sooner, later], atp.Inbound.Skip(1).Select(i => i.PurchaseOrderId));
    }

    [Fact]
    public async Task Atp_CommittedDemand_FallsWhenTheChannelsReservationIsReleasedOrShipped()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Berlin, 30);
        var orderId = Guid.CreateVersion7();
        await Host.WithDbAsync(async db =>
        {
            var balance = db.Set<InventoryBalance>().Single(b => b.Sku == SkuCode.Of(sku) && b.Location == LocationCode.Of(Berlin));
            var web = ChannelCode.Of("WEB");
            var now = Host.Time.GetUtcNow();
            Assert.True(balance.Reserve(Quantity.Of(10), orderId, Actor.System, now, web).IsSuccess);
            Assert.True(balance.ReleaseReservation(Quantity.Of(3), orderId, Actor.System, now, web).IsSuccess);
            Assert.True(balance.ConsumeReservation(Quantity.Of(4), orderId, Actor.System, now, web).IsSuccess);
            return await db.SaveChangesAsync();
        });

        var atp = await AtpAsync("WEB", sku);

        Assert.Equal((3, 23), (atp.Committed, atp.AvailableToPromise));
    }

    [Fact]
    public async Task Atp_LeavesOutInboundAtLocationsTheChannelDoesNotShipFrom()
    {
        var sku = await NewSkuAsync();
        await InboundAsync(sku, Leeds, 12, Today.AddDays(5));

        var atp = await AtpAsync("MKT-ZALANDO", sku, quantity: 1);

        Assert.Empty(atp.Inbound);
        Assert.Null(atp.EarliestPromiseDate);
    }

    [Fact]
    public async Task Atp_OverTime_GivesTheEarliestDateARequestedQuantityCanBePromised()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Berlin, 10);
        await StockAsync(sku, Rotterdam, 0, safetyStock: 5);
        await InboundAsync(sku, Rotterdam, 20, Today.AddDays(7));
        await InboundAsync(sku, Leeds, 30, Today.AddDays(14));

        var atp = await AtpAsync("WEB", sku, quantity: 25);

        // Rotterdam keeps 5 of its 20 arriving units back as safety stock.
        Assert.Equal([new AvailabilityPoint(Today, 10), new AvailabilityPoint(Today.AddDays(7), 25), new AvailabilityPoint(Today.AddDays(14), 55)],
            atp.OverTime);
        Assert.Equal((25, Today.AddDays(7)), (atp.RequestedQuantity!.Value, atp.EarliestPromiseDate!.Value));
        Assert.Equal(Today, (await AtpAsync("WEB", sku, quantity: 10)).EarliestPromiseDate);
        Assert.Equal(Today.AddDays(14), (await AtpAsync("WEB", sku, quantity: 26)).EarliestPromiseDate);
        Assert.Null((await AtpAsync("WEB", sku, quantity: 56)).EarliestPromiseDate);
    }

    [Fact]
    public async Task Atp_OverTime_AppliesTheShareToArrivingStockToo_AndPromisesOverdueInboundFromToday()
    {
        var sku = await NewSkuAsync();
        await InboundAsync(sku, Berlin, 50, Today.AddDays(10));
        Host.Time.Advance(TimeSpan.FromDays(12));

        var atp = await AtpAsync("MKT-ZALANDO", sku, quantity: 40);

        var today = Today.AddDays(12);
        Assert.Equal([new AvailabilityPoint(today, 40)], atp.OverTime);
        Assert.Equal(today, atp.EarliestPromiseDate);
        Assert.Equal(0, atp.AvailableToPromise);
    }

    [Fact]
    public async Task Atp_AnswersABatchOfSkusInTheOrderAsked()
    {
        var first = await NewSkuAsync("ATP-TEST-S-BLK");
        var second = await NewSkuAsync("ATP-TEST-L-BLK");
        await StockAsync(second, Leeds, 7);

        var view = Succeeded(await QueryAsync("web", new AvailabilityRequest(second), new AvailabilityRequest(first)));

        Assert.Equal(("WEB", Today), (view.Channel, view.AsOf));
        Assert.Equal([(second, 7), (first, 0)], view.Skus.Select(s => (s.Value.Sku, s.Value.AvailableToPromise)));
    }

    [Fact]
    public async Task Atp_ForAnUnknownChannel_IsANamedError_AndForAnUnknownSku_AnErrorOfThatSkuAlone()
    {
        var sku = await NewSkuAsync();

        var channel = await QueryAsync("NOPE", new AvailabilityRequest(sku));
        var skus = await QueryAsync("WEB", new AvailabilityRequest(sku), new AvailabilityRequest("NO-SUCH-SKU"));

        Assert.Equal((ChannelPolicyErrors.ChannelNotFoundCode, "channel"), (channel.Error.Code, channel.Error.Field));
        // The unknown SKU alone has an error; the others are answered.
        Assert.Equal((InventoryErrors.UnknownSkuCode, "skus[1].sku"), (skus.Value.Skus[1].Error.Code, skus.Value.Skus[1].Error.Field));
        Assert.Equal(sku, skus.Value.Skus[0].Value.Sku);
    }

    [Fact]
    public async Task Atp_WithMalformedInput_IsRefusedWithTheFieldAtFault()
    {
        var sku = await NewSkuAsync();

        Assert.Contains((await QueryAsync("WEB")).Errors, e => e.Code == InventoryErrors.NoLinesCode);
        Assert.Contains((await QueryAsync("WEB", new AvailabilityRequest(sku, 0))).Errors, e => e.Field == "skus[0].quantity");
        Assert.Contains((await QueryAsync("WEB", new AvailabilityRequest(sku), new AvailabilityRequest(sku))).Errors,
            e => e.Code == InventoryErrors.DuplicateLineCode);
        Assert.Contains((await QueryAsync("NOT A CHANNEL", new AvailabilityRequest(sku))).Errors, e => e.Code == "CHANNEL_CODE_INVALID");
    }

    [Fact]
    public async Task Atp_OfANewChannelWithTheDefaultPolicy_CountsEveryWarehouse_EvenBeforeTheSkuIsProjectedAgain()
    {
        var sku = await NewSkuAsync();
        await StockAsync(sku, Leeds, 9);
        Assert.Equal(9, (await AtpAsync("WEB", sku)).AvailableToPromise); // projected before the channel exists
        await Host.WithDbAsync(async db =>
        {
            db.Channels.Add(Channel.Create("OUTLET", "Outlet", ChannelKind.Retail).Value);
            return await db.SaveChangesAsync();
        });

        var atp = await AtpAsync("OUTLET", sku);

        Assert.Equal([Berlin, Rotterdam, Leeds], atp.Locations.Select(l => l.Location));
        Assert.Equal(9, atp.AvailableToPromise);
    }
}
