using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.Tests.Fixtures;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>The inventory position read model with the Redis cache and bus, against a real redis-server of this class's own.</summary>
public sealed class RedisInventoryPositionTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";
    private const string Table = "InventoryPositionReadModels";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(5);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync(new() { RedisConnectionString = redis.ConnectionString });
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
        await _host.ProjectReadModelsAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Get_OnACacheHit_TouchesNeitherTheReadTableNorTheWriteTables()
    {
        // The seed was projected before this host's cache existed: the first read fills it.
        await GetAsync(Sku);
        _host.Commands.Reset();

        var position = await GetAsync(Sku);

        Assert.NotNull(position);
        Assert.Equal(0, _host.Commands.Touching(Table));
        Assert.Equal(0, _host.Commands.Touching("InventoryBalances"));
    }

    [Fact]
    public async Task GetMany_ForAPageOfSkus_AfterTheCacheWasEmptied_IsOneTableReadThenNone()
    {
        var skus = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryPositionReadModel>().AsNoTracking()
            .OrderBy(r => r.Sku).Select(r => r.Sku).Take(50).ToListAsync());
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
        _host.Commands.Reset();

        var first = await GetManyAsync([.. skus, "NO-SUCH-SKU"]);
        var tableReads = _host.Commands.Touching(Table);
        _host.Commands.Reset();
        var second = await GetManyAsync(skus);

        Assert.Equal(50, first.Count);
        Assert.Equal(1, tableReads);
        Assert.Equal(skus, second.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, _host.Commands.Touching(Table));
        Assert.Equal(ReadModelJson.Serialize(first[skus[0]]), ReadModelJson.Serialize(second[skus[0]]));
    }

    [Fact]
    public async Task AProjectedMove_ReplacesTheCachedDocument_SoTheNextReadIsNewWithoutTheTable()
    {
        var before = (await GetAsync(Sku))!;
        var location = before.Locations.First(l => l.Levels.Available > 0);
        var moved = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<MoveStock, BalanceView>>().HandleAsync(
            new MoveStock(Actor.System, Sku, location.Location, StockBucket.Available, StockBucket.Damaged, 1), CancellationToken.None));
        Assert.True(moved.IsSuccess);
        var stale = (await GetAsync(Sku))!;

        await _host.ProjectReadModelsAsync();
        _host.Commands.Reset();
        var after = (await GetAsync(Sku))!;

        Assert.Equal(before.LastSequence, stale.LastSequence);
        Assert.True(after.LastSequence > before.LastSequence);
        Assert.Equal(location.Levels.Available - 1, after.Locations.Single(l => l.Location == location.Location).Levels.Available);
        Assert.Equal(0, _host.Commands.Touching(Table));
    }

    [Fact]
    public async Task InventoryAndAvailabilityNotifications_PublishedOnOneNode_ReachASubscriberOnAnother()
    {
        using var nodes = new TwoRedisNodes(redis.ConnectionString);
        var (busA, busB) = (nodes.A, nodes.B);
        var position = new TaskCompletionSource<InventoryChangedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        var availability = new TaskCompletionSource<AvailabilityChangedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var positions = busB.Observe<InventoryChangedNotification>().Subscribe(new Listener<InventoryChangedNotification>(n => position.TrySetResult(n)));
        using var promises = busB.Observe<AvailabilityChangedNotification>().Subscribe(new Listener<AvailabilityChangedNotification>(n => availability.TrySetResult(n)));
        var sentPosition = new InventoryChangedNotification((await GetAsync(Sku))!, ErpTestHost.Start);
        var sentAvailability = new AvailabilityChangedNotification("WEB", Sku, 12, 15, 3, 42, ErpTestHost.Start);

        await busA.PublishAsync(sentPosition, CancellationToken.None);
        await busA.PublishAsync(sentAvailability, CancellationToken.None);

        Assert.Equal(ReadModelJson.Serialize(sentPosition), ReadModelJson.Serialize(await position.Task.WaitAsync(Delivery)));
        Assert.Equal(sentAvailability, await availability.Task.WaitAsync(Delivery));
    }

    private Task<InventoryPositionView?> GetAsync(string sku) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IInventoryPositionReadModels>().GetAsync(sku, CancellationToken.None));

    private Task<IReadOnlyDictionary<string, InventoryPositionView>> GetManyAsync(IReadOnlyCollection<string> skus) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IInventoryPositionReadModels>().GetManyAsync(skus, CancellationToken.None));
}
