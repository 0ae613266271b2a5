using System.Diagnostics.Metrics;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>The in-process cache in front of the read table (the Redis variant is in <see cref="RedisReadSideTests"/>).</summary>
public sealed class OrderCacheTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// Decision 087: the projection keeps the in-process cache of its own process current, so a process beside the worker on the
    /// same file (an api node) reads the table, and sees what the worker's projection wrote as soon as it committed.
    /// </summary>
    [Fact]
    public async Task AProcessThatDoesNotRunTheProjection_ReadsTheTable_AndSeesWhatTheWorkersProjectionWrote()
    {
        await using var apiNode = await _host.StartNodeAsync(new Dictionary<string, string?>(), services => services.RemoveAll<OutboxJobServer>());
        var id = await _host.CaptureAsync("WEB", "P-1");
        await _host.ProjectReadModelsAsync();
        var read = await apiNode.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
        var readAgain = await apiNode.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

        Assert.Equal(OrderStatus.Captured, read?.Status);
        Assert.Equal(OrderStatus.Allocated, readAgain?.Status);
        Assert.IsType<NoReadModelCache>(apiNode.Services.GetRequiredService<IReadModelCache>());
        Assert.IsType<MemoryReadModelCache>(_host.Services.GetRequiredService<IReadModelCache>());
    }

    [Fact]
    public Task GetMany_For50Orders_IsOneTableReadThenNone() => ReadSideAssertions.GetManyIsOneTableReadThenCachedAsync(_host);

    [Fact]
    public async Task Get_OnACacheHit_DoesNotTouchTheTable()
    {
        var id = await _host.CaptureAsync("WEB", "C-1");
        await _host.ProjectReadModelsAsync();
        await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));
        _host.Commands.Reset();

        var view = await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

        Assert.NotNull(view);
        Assert.Equal(0, _host.Commands.Touching("OrderReadModels"));
    }

    /// <summary>Decision 083: the projection keeps what it writes out of the heap until someone reads it.</summary>
    [Fact]
    public async Task ProjectedOrdersNobodyRead_AreNotHeld_AndTheFirstReadHoldsIt()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await _host.CaptureAsync("WEB", $"N-{i}"));
        await _host.ProjectReadModelsAsync();
        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        var heldAfterProjecting = ReadModelCacheMeter.Read(meters)[MemoryReadModelCache.DocumentsName];

        await _host.QueryAsync(q => q.GetAsync(ids[0], CancellationToken.None));

        Assert.Equal(0, heldAfterProjecting);
        Assert.Equal(1, ReadModelCacheMeter.Read(meters)[MemoryReadModelCache.DocumentsName]);
    }

    [Fact]
    public async Task TheHostsCache_CountsItsReadsOnTheHostsMeter()
    {
        var id = await _host.CaptureAsync("WEB", "C-1");
        await _host.ProjectReadModelsAsync();
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);

        await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));
        await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

        var measured = ReadModelCacheMeter.Read(_host.Services.GetRequiredService<IMeterFactory>());
        Assert.Equal(1, measured[$"{MemoryReadModelCache.ReadsName}[miss]"]);
        Assert.Equal(1, measured[$"{MemoryReadModelCache.ReadsName}[hit]"]);
        Assert.Equal(1, measured[MemoryReadModelCache.DocumentsName]);
    }

    [Fact]
    public async Task Get_AfterTheCacheWasEmptied_ReadsTheTableOnceAndRefillsTheCache()
    {
        var id = await _host.CaptureAsync("WEB", "C-1");
        await _host.ProjectReadModelsAsync();
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
        _host.Commands.Reset();

        Assert.NotNull(await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)));
        Assert.NotNull(await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)));

        Assert.Equal(1, _host.Commands.Touching("OrderReadModels"));
    }
}

internal static class ReadSideAssertions
{
    /// <summary>The batch loader's call: one cache read, one table read for all misses, never the write tables.</summary>
    public static async Task GetManyIsOneTableReadThenCachedAsync(ErpTestHost host)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
            ids.Add(await host.CaptureAsync("WEB", $"B-{i:00}"));
        await host.ProjectReadModelsAsync();
        await host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
        host.Commands.Reset();

        var first = await host.QueryAsync(q => q.GetManyAsync(ids, CancellationToken.None));
        var tableReads = host.Commands.Touching("OrderReadModels");
        host.Commands.Reset();
        var second = await host.QueryAsync(q => q.GetManyAsync(ids, CancellationToken.None));

        Assert.Equal(50, first.Count);
        Assert.Equal(1, tableReads);
        Assert.Equal(50, second.Count);
        Assert.Equal(0, host.Commands.Touching("OrderReadModels"));
        Assert.Equal(0, host.Commands.Touching("Orders"));
    }
}
