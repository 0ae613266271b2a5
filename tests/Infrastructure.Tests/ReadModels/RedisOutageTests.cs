using System.Collections.Concurrent;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Fixtures;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// Decision 053 against a real redis-server stopped and started again while four clients capture and the pipeline runs:
/// the cache is an optimisation the read side can lose, and the notifications of what was committed are kept until the
/// bus can take them.
/// </summary>
public sealed class RedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime, IDisposable
{
    private const int Clients = 4;
    private const string RedisCheck = "erp-redis";

    // Bounds only turn a condition that never comes into a failure; nothing waits for them to pass.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly FakeLoggerProvider _logs = new();
    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync(new()
        {
            RedisConnectionString = redis.ConnectionString,
            Services = services => services.AddSingleton<ILoggerProvider>(_logs),
        });
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task ARedisOutageUnderLoad_LosesNoCaptureReadOrNotification_AndLeavesNoCacheEntryOlderThanTheTable()
    {
        var heard = new List<OrderStatusChangedNotification>();
        using var subscription = _host.Services.GetRequiredService<INotificationBus>().Observe<OrderStatusChangedNotification>()
            .Subscribe(new Observer(n =>
            {
                lock (heard)
                    heard.Add(n);
            }));
        // Before the outage: orders projected and cached as captured. The automation has not run yet, so every one of them
        // changes while Redis is away, and Redis keeps their captured documents through the outage.
        var cachedBefore = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _host.CaptureAsync("WEB", $"BEFORE-{i}")));
        await _host.ProjectReadModelsAsync();
        foreach (var id in cachedBefore)
            Assert.Equal(OrderStatus.Captured, (await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)))?.Status);
        var projectedBefore = await ProjectedUpToAsync();
        // Redis's pub/sub delivers at most once: a capture published just before the server stops may never reach the
        // subscriber's own connection. The outage starts once the captures before it were heard.
        await WaitUntilAsync(() =>
        {
            lock (heard)
                return cachedBefore.All(id => heard.Any(n => n.OrderId == id && n.Status == OrderStatus.Captured));
        }, "the captures before the outage to be heard");
        await redis.StopAsync(keepData: true);

        // The load: four clients capture while the pipeline dispatches and projects.
        var captured = new ConcurrentQueue<Guid>(cachedBefore);
        using var stopLoad = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; !stopLoad.IsCancellationRequested; i++)
                captured.Enqueue(await _host.CaptureAsync("WEB", $"DURING-{client}-{i}"));
        })).ToArray();
        // The Hangfire jobs as the worker runs them: the automation and the projection, each on its own.
        var (dispatched, projected) = (0, 0);
        var pipeline = Task.WhenAll(
            Task.Run(async () =>
            {
                while (!stopLoad.IsCancellationRequested)
                    Interlocked.Add(ref dispatched, await _host.DispatchOutboxAsync());
            }),
            Task.Run(async () =>
            {
                while (!stopLoad.IsCancellationRequested)
                    Interlocked.Add(ref projected, await _host.ProjectReadModelsAsync());
            }));
        // The projection drains a batch at a time and runs while the clients add more: progress is its checkpoint moving.
        await WaitUntilAsync(async () => captured.Count >= cachedBefore.Length + 16 && await ProjectedUpToAsync() > projectedBefore + 16,
            () => $"captures and projections during the outage ({captured.Count} captured, projected up to {ProjectedUpToAsync().Result}, from {projectedBefore}; dispatched {dispatched}, projected {projected}, pipeline {(pipeline.IsFaulted ? pipeline.Exception : pipeline.Status)})");
        Assert.Equal(HealthStatus.Degraded, await RedisHealthAsync());
        await stopLoad.CancelAsync();
        await Task.WhenAll([.. clients, pipeline]);
        await DrainPipelineAsync();

        // Still during the outage: every order, the ones captured in it too, reads back from the read tables as the write side has it.
        var orders = captured.ToArray();
        foreach (var id in orders)
            Assert.Equal((await _host.WriteSideViewAsync(id)).Status, (await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)))?.Status);
        Assert.True(_host.Services.GetRequiredService<NotificationRelay>().Waiting > 0, "the notifications of the outage wait for the bus");
        // Hundreds of refused reads, writes and publications, one warning, no stack; the next one after a minute.
        Assert.Single(OutageWarnings());
        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning && r.Exception is not null);
        _host.Time.Advance(RedisOutageLog.WarningInterval);
        await _host.QueryAsync(q => q.GetAsync(orders[0], CancellationToken.None));
        Assert.Equal(2, OutageWarnings().Count);

        await redis.StartAsync();

        var relay = _host.Services.GetRequiredService<NotificationRelay>();
        await WaitUntilAsync(() => relay.Waiting == 0, "the kept notifications to be published");
        await WaitUntilAsync(async () => !await _host.WithDbAsync(db => db.OutboxCheckpoints.AnyAsync(c => c.Consumer == ReadModelCacheRepair.MarkName)),
            "the cache repair");
        Assert.Equal(HealthStatus.Healthy, await RedisHealthAsync());
        var truth = new Dictionary<Guid, Application.Orders.ReadModels.OrderView>();
        foreach (var id in orders)
            truth[id] = await _host.WriteSideViewAsync(id);

        // No cached document is older than the table, read from Redis itself (the repair cleared what the projection could not replace).
        using (var direct = RedisConnection.Connect(redis.ConnectionString))
        {
            var documents = await direct.GetDatabase().StringGetAsync([.. orders.Select(id => (RedisKey)ReadModelCacheKeys.Order(id))]);
            foreach (var (id, document) in orders.Zip(documents))
            {
                if (!document.IsNull)
                    Assert.Equal(truth[id].LastSequence, ReadModelJson.ToOrderView(document!).LastSequence);
            }
        }

        // Every order's notifications arrive in the end, each once, as an unbroken chain from its capture to its state.
        await WaitUntilAsync(() =>
        {
            lock (heard)
                return orders.All(id => heard.LastOrDefault(n => n.OrderId == id)?.Status == truth[id].Status);
        }, "every order's last notification");
        lock (heard)
        {
            foreach (var id in orders)
            {
                var chain = heard.Where(n => n.OrderId == id).ToList();
                Assert.Equal(chain.Count, chain.Select(n => n.Sequence).Distinct().Count());
                Assert.Equal(OrderStatus.Captured, chain[0].Status);
                Assert.Null(chain[0].PreviousStatus);
                Assert.All(chain.Zip(chain.Skip(1)), pair =>
                {
                    Assert.True(pair.First.Sequence < pair.Second.Sequence, $"order {id}: {pair.First.Sequence} then {pair.Second.Sequence}");
                    Assert.Equal(pair.First.Status, pair.Second.PreviousStatus);
                });
                Assert.Equal(truth[id].Status, chain[^1].Status);
                // Each carries the order as the projection left it, through Redis's JSON: a subscriber needs no read.
                Assert.All(chain, n => Assert.True(n.Order?.Id == id && n.Order.LastSequence >= n.Sequence, $"order {id}: notification {n.Sequence} carries {n.Order?.LastSequence}"));
            }
            Assert.Contains(heard, n => n.Status != OrderStatus.Captured && cachedBefore.Contains(n.OrderId));
        }
    }

    private List<FakeLogRecord> OutageWarnings() =>
        [.. _logs.Collector.GetSnapshot().Where(r => r.Category == typeof(RedisOutageLog).FullName && r.Level == LogLevel.Warning)];

    private async Task<HealthStatus> RedisHealthAsync() =>
        (await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == RedisCheck)).Entries[RedisCheck].Status;

    private Task<long> ProjectedUpToAsync() => _host.WithDbAsync(db => db.OutboxCheckpoints
        .Where(c => c.Consumer == ReadModelProjector.ConsumerName).Select(c => c.LastSequence).SingleAsync());

    private async Task DrainPipelineAsync()
    {
        int moved;
        do
            moved = await _host.DispatchOutboxAsync() + await _host.ProjectReadModelsAsync();
        while (moved > 0);
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), () => what);

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => WaitUntilAsync(condition, () => what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
                throw new TimeoutException($"Waited {Bound.TotalSeconds} s for {what()}.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }
}
