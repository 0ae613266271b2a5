using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

public sealed class InventoryProjectionTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync();
        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Projection_ShowsEveryBalanceOfTheSku_AsTheWriteSideHoldsIt()
    {
        var position = await PositionAsync(Sku);

        Assert.NotNull(position);
        Assert.True(position.LastSequence > 0);
        Assert.Equal(Serialize(await WriteSideLocationsAsync(Sku)), Serialize(position.Locations));
        Assert.Contains(position.Locations, l => l.Levels.Available > 0);
    }

    [Fact]
    public async Task Projection_AfterAMove_ShowsTheNewLevels_WithANewerSequence()
    {
        var before = (await PositionAsync(Sku))!;
        var location = before.Locations.First(l => l.Levels.Available >= 2);

        await MoveAsync(Sku, location.Location, StockBucket.Available, StockBucket.QualityHold, 2);
        await _host.ProjectReadModelsAsync();

        var after = (await PositionAsync(Sku))!;
        Assert.True(after.LastSequence > before.LastSequence);
        Assert.Equal(location.Levels with { Available = location.Levels.Available - 2, QualityHold = location.Levels.QualityHold + 2 },
            after.Locations.Single(l => l.Location == location.Location).Levels);
        Assert.Equal(Serialize(await WriteSideLocationsAsync(Sku)), Serialize(after.Locations));
    }

    [Fact]
    public async Task Replay_OfTheWholeOutbox_ChangesNoRow()
    {
        var before = await RowsAsync();
        await _host.ExecuteSqlAsync($"DELETE FROM \"OutboxCheckpoints\" WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");

        var replayed = await _host.ProjectReadModelsAsync();

        Assert.True(replayed > 0);
        Assert.NotEmpty(before);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Projection_ListsTheOpenPurchaseOrderLinesBehindEveryInboundBucket_WithTheirEtas()
    {
        var positions = await AllPositionsAsync();

        Assert.Contains(positions, p => p.Inbound.Count > 0);
        foreach (var position in positions)
        {
            foreach (var location in position.Locations)
                Assert.Equal(location.Levels.Inbound, position.Inbound.Where(i => i.Location == location.Location).Sum(i => i.Quantity));
            Assert.Equal(position.Inbound.OrderBy(i => i.ExpectedOn).Select(i => i.ExpectedOn), position.Inbound.Select(i => i.ExpectedOn));
        }
    }

    [Fact]
    public async Task Projection_CountsTheUnitsCommittedPerChannel_FromTheReservationMoves_AndAReplayCountsThemOnce()
    {
        var location = (await PositionAsync(Sku))!.Locations.First(l => l.Levels.Available >= 6).Location;
        var (webOrder, zalandoOrder) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await OnBalanceAsync(Sku, location, (balance, now) =>
        [
            balance.Reserve(Quantity.Of(4), webOrder, Actor.System, now, ChannelCode.Of("WEB")),
            balance.Reserve(Quantity.Of(2), zalandoOrder, Actor.System, now, ChannelCode.Of("MKT-ZALANDO")),
            balance.ReleaseReservation(Quantity.Of(1), webOrder, Actor.System, now, ChannelCode.Of("WEB")),
        ]);
        await _host.ProjectReadModelsAsync();
        var projected = (await PositionAsync(Sku))!;

        await _host.ExecuteSqlAsync($"DELETE FROM \"OutboxCheckpoints\" WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");
        await _host.ProjectReadModelsAsync();

        Assert.Equal([new ChannelCommitmentView("MKT-ZALANDO", 2), new ChannelCommitmentView("WEB", 3)], projected.Committed);
        Assert.Equal(Serialize(projected), Serialize(await PositionAsync(Sku)));
    }

    [Fact]
    public async Task Projection_GivesEveryChannelItsAvailableToPromise_FromTheEligibleLocationsUsableStock()
    {
        var position = (await PositionAsync(Sku))!;

        Assert.Equal(["MKT-AMAZON", "MKT-ZALANDO", "WEB", "WHOLESALE"], position.Channels.Select(c => c.Channel));
        foreach (var channel in position.Channels)
        {
            var usable = position.Locations.Where(l => channel.Locations.Contains(l.Location))
                .Sum(l => Math.Max(0, l.Levels.Available - l.SafetyStock));
            Assert.Equal(usable, channel.UsableStock);
            Assert.True(channel.AvailableToPromise <= usable);
        }
        var web = position.Channels.Single(c => c.Channel == "WEB");
        Assert.Equal(web.UsableStock, web.AvailableToPromise); // no share or cap
        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM"], position.Channels.Single(c => c.Channel == "MKT-ZALANDO").Locations);
    }

    [Fact]
    public async Task APolicyChange_ReprojectsThePositions_AndAnnouncesTheChannelsNewFiguresWhereTheyChanged()
    {
        var before = await AllPositionsAsync();
        var heard = new List<AvailabilityChangedNotification>();
        using var subscription = _host.Services.GetRequiredService<INotificationBus>().Observe<AvailabilityChangedNotification>().Subscribe(new Listener<AvailabilityChangedNotification>(heard.Add));

        await SetPolicyAsync("WHOLESALE", cap: 1);
        await _host.ProjectReadModelsAsync();

        var after = (await AllPositionsAsync()).ToDictionary(p => p.Sku);
        var affected = before.Where(p => p.Channels.Single(c => c.Channel == "WHOLESALE").AvailableToPromise > 1).ToList();
        Assert.NotEmpty(affected);
        foreach (var position in before)
        {
            var wholesale = after[position.Sku].Channels.Single(c => c.Channel == "WHOLESALE");
            Assert.Equal(Math.Min(1, wholesale.UsableStock), wholesale.AvailableToPromise);
            Assert.True(after[position.Sku].LastSequence > position.LastSequence);
        }
        Assert.Equal(affected.Select(p => p.Sku).Order(), heard.Select(n => n.Sku).Order());
        Assert.All(heard, n => Assert.Equal(("WHOLESALE", 1), (n.Channel, n.AvailableToPromise)));
    }

    [Fact]
    public async Task AProjectedMove_IsAnnouncedAfterTheCommit_AsThePositionAndAsEachChannelWhosePromiseMoved()
    {
        var before = (await PositionAsync(Sku))!;
        var berlin = before.Locations.Single(l => l.Location == "WH-BERLIN");
        var bus = _host.Services.GetRequiredService<INotificationBus>();
        var positions = new List<(InventoryChangedNotification Heard, InventoryPositionView? Queried)>();
        var channels = new List<AvailabilityChangedNotification>();
        using var inventory = bus.Observe<InventoryChangedNotification>().Subscribe(new Listener<InventoryChangedNotification>(n =>
            positions.Add((n, PositionAsync(n.Position.Sku).GetAwaiter().GetResult()))));
        using var availability = bus.Observe<AvailabilityChangedNotification>().Subscribe(new Listener<AvailabilityChangedNotification>(channels.Add));

        await MoveAsync(Sku, berlin.Location, StockBucket.Available, StockBucket.QualityHold, berlin.Levels.Available);
        await _host.ProjectReadModelsAsync();
        await _host.ProjectReadModelsAsync(); // nothing new: nothing announced twice

        var (announced, queried) = Assert.Single(positions);
        Assert.Equal(Serialize(announced.Position), Serialize(queried));
        Assert.Equal(0, announced.Position.Locations.Single(l => l.Location == "WH-BERLIN").Levels.Available);
        Assert.Equal(ErpTestHost.Start, announced.ChangedAt);
        var moved = announced.Position.Channels.Where(c =>
        {
            var old = before.Channels.Single(b => b.Channel == c.Channel);
            return (c.AvailableToPromise, c.PriorityAvailableToPromise) != (old.AvailableToPromise, old.PriorityAvailableToPromise);
        }).ToList();
        Assert.NotEmpty(moved);
        Assert.Equal(moved.Select(c => (c.Channel, c.AvailableToPromise, c.PriorityAvailableToPromise)),
            channels.Select(n => (n.Channel, n.AvailableToPromise, n.PriorityAvailableToPromise)));
        Assert.All(channels, n => Assert.Equal((Sku, announced.Position.LastSequence), (n.Sku, n.Sequence)));
    }

    [Fact]
    public async Task Rebuild_AfterRowsWereDroppedAndDamaged_ConvergesToTheWriteSide()
    {
        var location = (await PositionAsync(Sku))!.Locations.First(l => l.Levels.Available > 2).Location;
        await MoveAsync(Sku, location, StockBucket.Available, StockBucket.Damaged, 1);
        await OnBalanceAsync(Sku, location, (balance, now) => [balance.Reserve(Quantity.Of(1), Guid.CreateVersion7(), Actor.System, now, ChannelCode.Of("WEB"))]);
        await SetPolicyAsync("WHOLESALE", cap: 3);
        await _host.ProjectReadModelsAsync();
        var projected = await RowsAsync();
        await _host.ExecuteSqlAsync("DELETE FROM \"InventoryPositionReadModels\" WHERE \"Sku\" LIKE 'TEE%'");
        await _host.ExecuteSqlAsync("UPDATE \"InventoryPositionReadModels\" SET \"Document\" = '{{}}', \"LastSequence\" = 999999");

        await _host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.Equal(projected, await RowsAsync());
        foreach (var sku in projected.Keys.Take(10))
            Assert.Equal(Serialize(await WriteSideLocationsAsync(sku)), Serialize((await PositionAsync(sku))!.Locations));
    }

    [Fact]
    public async Task AnUnknownOrMalformedSku_HasNoPosition()
    {
        Assert.Null(await PositionAsync("NO-SUCH-SKU"));
        Assert.Null(await PositionAsync("  "));
    }

    private Task<InventoryPositionView?> PositionAsync(string sku) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IInventoryPositionReadModels>().GetAsync(sku, CancellationToken.None));

    private Task<List<InventoryPositionView>> AllPositionsAsync() =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<ErpDbContext>().Set<InventoryPositionReadModel>().AsNoTracking()
            .OrderBy(r => r.Sku).Select(r => r.Document).ToListAsync()).Select(ReadModelJson.Deserialize<InventoryPositionView>).ToList());

    private Task<int> OnBalanceAsync(string sku, string location, Func<InventoryBalance, DateTimeOffset, Result[]> change) => _host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ErpDbContext>();
        var (skuCode, locationCode) = (SkuCode.Of(sku), LocationCode.Of(location));
        var balance = await db.Set<InventoryBalance>().SingleAsync(b => b.Sku == skuCode && b.Location == locationCode);
        Assert.All(change(balance, _host.Time.GetUtcNow()), r => Assert.True(r.IsSuccess));
        return await db.SaveChangesAsync();
    });

    private async Task SetPolicyAsync(string channel, int cap)
    {
        var planner = Actors.Planner;
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<SetChannelPolicy, ChannelPolicyView>>().HandleAsync(
            new SetChannelPolicy(planner, channel, ["WH-ROTTERDAM", "WH-BERLIN"], [], true, true, false, [nameof(AllocationRule.StockDepth)], null, cap, null, 72),
            CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
    }

    private Task<Dictionary<string, (long LastSequence, string Document)>> RowsAsync() =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<ErpDbContext>().Set<InventoryPositionReadModel>().AsNoTracking().ToListAsync())
            .ToDictionary(r => r.Sku, r => (r.LastSequence, r.Document)));

    private Task<IReadOnlyList<LocationPositionView>> WriteSideLocationsAsync(string sku) => _host.InScopeAsync(async sp =>
    {
        var code = SkuCode.Of(sku);
        var balances = await sp.GetRequiredService<ErpDbContext>().Set<InventoryBalance>().AsNoTracking().Where(b => b.Sku == code).ToListAsync();
        return (IReadOnlyList<LocationPositionView>)[.. balances.OrderBy(b => b.Location.Value, StringComparer.Ordinal).Select(LocationPositionView.From)];
    });

    private async Task MoveAsync(string sku, string location, StockBucket from, StockBucket to, int quantity)
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<MoveStock, BalanceView>>()
            .HandleAsync(new MoveStock(Actor.System, sku, location, from, to, quantity), CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
    }

    private static string Serialize<T>(T value) => ReadModelJson.Serialize(value);
}

internal sealed class Listener<T>(Action<T> onNext) : IObserver<T>
{
    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void OnNext(T value) => onNext(value);
}
