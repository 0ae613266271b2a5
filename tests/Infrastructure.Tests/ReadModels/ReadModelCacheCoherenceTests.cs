using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Tests.Fixtures;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// What the in-process read-model cache promises besides a hit that touches no table: the projection's document replaces
/// the entry it holds, and a fill from the table never brings back a document older than one the projection committed
/// meanwhile (decisions 005, 022, 083).
/// </summary>
public sealed class ReadModelCacheCoherenceTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task AProjectedChange_ReplacesTheCachedDocument_AndIsReadWithoutTouchingTheTable() =>
        ReadModelCacheAssertions.AProjectedChangeReplacesTheEntryAsync(_host, _host);

    [Fact]
    public Task AFillFromTheTable_NeverReplacesADocumentTheProjectionWroteMeanwhile() =>
        ReadModelCacheAssertions.AFillNeverReplacesAProjectedDocumentAsync(_host);
}

/// <summary>
/// The same promises with <c>ConnectionStrings:Redis</c> set, against a real redis-server, and across nodes: a change one
/// node projects is what every other node reads next, from the cache (no per-node copy that could stay behind).
/// </summary>
public sealed class RedisReadModelCacheCoherenceTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync(new() { RedisConnectionString = redis.ConnectionString });
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AProjectedChange_IsWhatAnotherNodeReadsNext_WithoutTouchingItsTable()
    {
        await using var otherNode = await _host.StartNodeAsync(new Dictionary<string, string?>());
        await ReadModelCacheAssertions.AProjectedChangeReplacesTheEntryAsync(_host, otherNode);
    }

    [Fact]
    public Task AFillFromTheTable_NeverReplacesADocumentTheProjectionWroteMeanwhile() =>
        ReadModelCacheAssertions.AFillNeverReplacesAProjectedDocumentAsync(_host);
}

internal static class ReadModelCacheAssertions
{
    /// <summary>
    /// <paramref name="projecting"/> projects an order, <paramref name="reading"/> reads it (so a cache with a copy per node
    /// would now hold it), then <paramref name="projecting"/> projects its allocation: <paramref name="reading"/>'s next read
    /// is the allocated order, from the cache.
    /// </summary>
    public static async Task AProjectedChangeReplacesTheEntryAsync(ErpTestHost projecting, ErpTestHost reading)
    {
        var id = await projecting.CaptureAsync("WEB", "K-1");
        await projecting.ProjectReadModelsAsync();
        Assert.Equal(OrderStatus.Captured, (await reading.QueryAsync(q => q.GetAsync(id, CancellationToken.None)))?.Status);

        await projecting.DispatchOutboxAsync();
        await projecting.ProjectReadModelsAsync();
        reading.Commands.Reset();
        var view = await reading.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

        Assert.Equal(OrderStatus.Allocated, view?.Status);
        Assert.Equal(0, reading.Commands.Touching("OrderReadModels"));
    }

    /// <summary>
    /// A query started a fill and read the captured order from the table, the projection then committed the allocated one,
    /// and only then does the query's fill arrive with what it read: the cache never serves the captured order again. The
    /// next read gets the allocated one, and the one after it from the cache.
    /// </summary>
    public static async Task AFillNeverReplacesAProjectedDocumentAsync(ErpTestHost host)
    {
        var cache = host.Services.GetRequiredService<IReadModelCache>();
        var id = await host.CaptureAsync("WEB", "K-2");
        await host.ProjectReadModelsAsync();
        var key = ReadModelCacheKeys.Order(id);
        Assert.Equal(OrderStatus.Captured, (await host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)))?.Status);
        var readBeforeTheProjection = (await cache.GetManyAsync([key], CancellationToken.None))[0];
        Assert.NotNull(readBeforeTheProjection);
        await cache.ClearAsync(CancellationToken.None);
        var fill = cache.StartFill();
        await host.DispatchOutboxAsync();
        await host.ProjectReadModelsAsync();

        await cache.AddMissingAsync([KeyValuePair.Create(key, readBeforeTheProjection)], fill, CancellationToken.None);
        var view = await host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));
        host.Commands.Reset();
        var again = await host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

        Assert.Equal(OrderStatus.Allocated, view?.Status);
        Assert.Equal(OrderStatus.Allocated, again?.Status);
        Assert.Equal(0, host.Commands.Touching("OrderReadModels"));
    }
}
