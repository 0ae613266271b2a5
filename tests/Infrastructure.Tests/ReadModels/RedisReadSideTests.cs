using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Tests.Fixtures;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>The read side with <c>ConnectionStrings:Redis</c> set, against a real redis-server of this class's own.</summary>
public sealed class RedisReadSideTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(5);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync(new() { RedisConnectionString = redis.ConnectionString });
        await _host.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void TheRedisCacheAndBus_AreUsed()
    {
        Assert.IsType<RedisReadModelCache>(_host.Services.GetRequiredService<IReadModelCache>());
        Assert.IsType<RedisNotificationBus>(_host.Services.GetRequiredService<INotificationBus>());
    }

    [Fact]
    public Task GetMany_For50Orders_IsOneTableReadThenNone() => ReadSideAssertions.GetManyIsOneTableReadThenCachedAsync(_host);

    [Fact]
    public async Task ANotificationPublishedOnOneNode_ReachesASubscriberOnAnother()
    {
        using var nodes = new TwoRedisNodes(redis.ConnectionString);
        var (busA, busB) = (nodes.A, nodes.B);
        var received = new TaskCompletionSource<OrderStatusChangedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = busB.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n => received.TrySetResult(n)));
        var sent = new OrderStatusChangedNotification(Guid.NewGuid(), "WEB", OrderStatus.Validated, OrderStatus.Captured, 42, ErpTestHost.Start);

        await busA.PublishAsync(sent, CancellationToken.None);

        Assert.Equal(sent, await received.Task.WaitAsync(Delivery));
    }

    [Fact]
    public async Task ASubscriberThatThrows_StaysSubscribed_AndADisposedOneHearsNothingMore()
    {
        using var connection = RedisConnection.Connect(redis.ConnectionString);
        using var bus = new RedisNotificationBus(connection, NullLogger<RedisNotificationBus>.Instance);
        var heard = new List<long>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var throwing = bus.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n =>
        {
            lock (heard)
                heard.Add(n.Sequence);
            if (n.Sequence == 1)
                throw new InvalidOperationException("A subscriber's bug.");
            second.TrySetResult();
        }));

        await bus.PublishAsync(Notification(1), CancellationToken.None);
        await bus.PublishAsync(Notification(2), CancellationToken.None);
        await second.Task.WaitAsync(Delivery);
        throwing.Dispose();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var other = bus.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n => marker.TrySetResult()));
        await bus.PublishAsync(Notification(3), CancellationToken.None);
        await marker.Task.WaitAsync(Delivery);

        lock (heard)
            Assert.Equal([1, 2], heard);
    }

    [Fact]
    public async Task Notifications_GoOutAfterTheCommit_SoASubscriberOnAnotherNodeSeesTheNewState()
    {
        await using var otherNode = await _host.StartNodeAsync(new Dictionary<string, string?>());
        var seen = new List<(OrderStatus Announced, OrderStatus? Queried)>();
        var allocated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = otherNode.Services.GetRequiredService<INotificationBus>().Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n =>
        {
            var view = otherNode.QueryAsync(q => q.GetAsync(n.OrderId, CancellationToken.None)).GetAwaiter().GetResult();
            lock (seen)
                seen.Add((n.Status, view?.Status));
            if (n.Status == OrderStatus.Allocated)
                allocated.TrySetResult();
        }));
        await _host.CaptureAsync("WEB", "R-1");
        await _host.DispatchOutboxAsync();

        await _host.ProjectReadModelsAsync();
        await allocated.Task.WaitAsync(Delivery);

        lock (seen)
        {
            Assert.Equal([OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Allocated], seen.Select(s => s.Announced));
            Assert.All(seen, s => Assert.True(s.Queried >= s.Announced, $"announced {s.Announced}, queried {s.Queried}"));
        }
    }

    [Fact]
    public async Task ARedisOutage_FallsBackToTheTable_Quickly_AndTheProjectionCommitsToTheTables()
    {
        var id = await _host.CaptureAsync("WEB", "R-1");
        await _host.ProjectReadModelsAsync();
        Assert.NotNull(await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)));
        using var logs = new FakeLoggerProvider();
        _host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        var multiplexer = _host.Services.GetRequiredService<IConnectionMultiplexer>();
        // Attached before the outage: the server is down until it is started again, so no restore can be missed.
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
                restored.TrySetResult();
        };
        await redis.StopAsync();
        try
        {
            _host.Commands.Reset();
            var view = await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

            Assert.NotNull(view);
            Assert.Equal(1, _host.Commands.Touching("OrderReadModels"));
            // Quick, without a stopwatch: the cache's read was refused at once for want of a connection (the fail-fast
            // backlog policy), not abandoned after the command timeout; the warning names it, without a stack (decision 053).
            var warning = Assert.Single(logs.Collector.GetSnapshot(), r => r.Category == typeof(RedisOutageLog).FullName);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains(nameof(RedisConnectionException), warning.Message, StringComparison.Ordinal);
            Assert.Null(warning.Exception);

            await _host.DispatchOutboxAsync();
            await _host.ProjectReadModelsAsync();
            Assert.Equal(OrderStatus.Allocated, (await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)))!.Status);
        }
        finally
        {
            await redis.StartAsync();
        }

        // The bound only turns a reconnection that never comes into a failure.
        await restored.Task.WaitAsync(Delivery * 2);
        Assert.True(multiplexer.IsConnected, "the multiplexer reconnects to the restarted server");
        await _host.ProjectReadModelsAsync();
        Assert.Equal(OrderStatus.Allocated, (await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)))!.Status);
    }

    private static OrderStatusChangedNotification Notification(long sequence) =>
        new(Guid.NewGuid(), "WEB", OrderStatus.Allocated, OrderStatus.Validated, sequence, ErpTestHost.Start);
}
