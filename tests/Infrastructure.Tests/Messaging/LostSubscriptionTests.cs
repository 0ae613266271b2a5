using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Tests.Fixtures;
using EcomErp.Infrastructure.Tests.ReadModels;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Tests.Messaging;

/// <summary>
/// Decision 057 against a real redis-server: when only this node's subscription connection is lost, Redis still takes
/// what the node publishes and delivers it to nobody. The relay holds what comes next until a probe on every channel
/// came back, so the node's own subscribers hear it once the multiplexer has subscribed again.
/// </summary>
public sealed class LostSubscriptionTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // Bounds only turn a notification that never comes into a failure; nothing waits for them to pass.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync(new() { RedisConnectionString = redis.ConnectionString });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACaptureProjectedWhileTheSubscriptionCannotReconnect_IsHeldAndThenHeardOnce()
    {
        var heard = new List<OrderStatusChangedNotification>();
        using var heardChanged = new SemaphoreSlim(0);
        using var subscription = _host.Services.GetRequiredService<INotificationBus>().Observe<OrderStatusChangedNotification>()
            .Subscribe(new Observer(n =>
            {
                lock (heard)
                    heard.Add(n);
                heardChanged.Release();
            }));
        var before = await _host.CaptureAsync("WEB", "BEFORE-LOSS");
        await _host.ProjectReadModelsAsync();
        await HeardAsync(before);

        // The subscription connection goes and cannot come back (the server refuses new connections), while the
        // connection that publishes stays: Redis takes every publication and delivers it to no one of this node.
        var multiplexer = _host.Services.GetRequiredService<IConnectionMultiplexer>();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
                lost.TrySetResult();
        };
        using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var maxClients = (await server.ConfigGetAsync("maxclients")).Single().Value;
        await server.ConfigSetAsync("maxclients", "1");
        try
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
            await lost.Task.WaitAsync(Bound);

            var after = await _host.CaptureAsync("WEB", "AFTER-LOSS");
            await _host.ProjectReadModelsAsync();
            Assert.True(_host.Services.GetRequiredService<NotificationRelay>().Waiting > 0, "the capture's notification waits for the subscription");

            await server.ConfigSetAsync("maxclients", maxClients);
            await HeardAsync(after);
            lock (heard)
                Assert.Single(heard, n => n.OrderId == after && n.Status == OrderStatus.Captured);
        }
        finally
        {
            await server.ConfigSetAsync("maxclients", maxClients);
        }

        async Task HeardAsync(Guid orderId)
        {
            using var timeout = new CancellationTokenSource(Bound);
            while (true)
            {
                lock (heard)
                {
                    if (heard.Any(n => n.OrderId == orderId && n.Status == OrderStatus.Captured))
                        return;
                }
                await heardChanged.WaitAsync(timeout.Token);
            }
        }
    }
}
