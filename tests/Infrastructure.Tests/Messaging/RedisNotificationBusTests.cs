using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Tests.Messaging;

/// <summary>The typed bus over a real redis-server: what a notification type declares is all either transport needs.</summary>
public sealed class RedisNotificationBusTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ANewNotificationType_TravelsBetweenNodesAndInProcess_WithNoChangeToTheTransports()
    {
        using var nodes = new TwoRedisNodes(redis.ConnectionString);
        var (busA, busB) = (nodes.A, nodes.B);
        using var inProcess = new InProcessNotificationBus(NullLogger<InProcessNotificationBus>.Instance);
        var overRedis = new TaskCompletionSource<ParcelWeighed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var local = new TaskCompletionSource<ParcelWeighed>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var remote = busB.Observe<ParcelWeighed>().Subscribe(n => overRedis.TrySetResult(n));
        using var same = inProcess.Observe<ParcelWeighed>().Subscribe(n => local.TrySetResult(n));
        var sent = new ParcelWeighed("P-1", 1250);

        await busA.PublishAsync(sent, CancellationToken.None);
        await inProcess.PublishAsync(sent, CancellationToken.None);

        Assert.Equal(sent, await overRedis.Task.WaitAsync(Delivery));
        Assert.Equal(sent, await local.Task.WaitAsync(Delivery));
    }

    [Fact]
    public async Task EveryNotification_GoesOutOnTheChannelNodesOfARollingDeployListenOn()
    {
        using var connection = RedisConnection.Connect(redis.ConnectionString);
        using var bus = new RedisNotificationBus(connection, NullLogger<RedisNotificationBus>.Instance);
        var at = DateTimeOffset.UnixEpoch;

        await AssertPublishedOnAsync("ecomerp:order-status", new OrderStatusChangedNotification(Guid.NewGuid(), "WEB", OrderStatus.Validated, OrderStatus.Captured, 1, at));
        await AssertPublishedOnAsync("ecomerp:inventory", new InventoryChangedNotification(null!, at));
        await AssertPublishedOnAsync("ecomerp:availability", new AvailabilityChangedNotification("WEB", "TEE-M-BLK", 3, null, 1, 7, at));
        await AssertPublishedOnAsync("ecomerp:api-clients", new ApiClientChangedNotification(Guid.NewGuid(), at));
        await AssertPublishedOnAsync("ecomerp:outbox-runs", new OutboxRunStarted("EcomErp.Infrastructure.Outbox.DomainEventDispatchConsumer", Guid.NewGuid()));

        async Task AssertPublishedOnAsync<T>(string channel, T notification) where T : class
        {
            var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var queue = await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel));
            queue.OnMessage(message => heard.TrySetResult(message.Message.ToString()));
            try
            {
                await bus.PublishAsync(notification, CancellationToken.None);
                Assert.Equal(ReadModelJson.Serialize(notification), await heard.Task.WaitAsync(Delivery));
            }
            finally
            {
                await queue.UnsubscribeAsync();
            }
        }
    }

    [Fact]
    public async Task AProbe_ComesBackOnEveryChannel_AndReachesNoSubscriberOfThisNodeOrAnother()
    {
        var logsA = new FakeLogger<RedisNotificationBus>();
        var logsB = new FakeLogger<RedisNotificationBus>();
        using var nodes = new TwoRedisNodes(redis.ConnectionString, logsA, logsB);
        var (busA, busB) = (nodes.A, nodes.B);
        var heardA = new List<ParcelWeighed>();
        var heardB = new List<ParcelWeighed>();
        var lastA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = busA.Observe<ParcelWeighed>().Subscribe(n => Heard(heardA, n, lastA));
        using var onB = busB.Observe<ParcelWeighed>().Subscribe(n => Heard(heardB, n, lastB));
        var orders = new List<OrderStatusChangedNotification>();
        using var ordersA = busA.Observe<OrderStatusChangedNotification>().Subscribe(n => { lock (orders) orders.Add(n); });

        // Node A's probes go out on every channel it subscribes (the parcel channel too) and come back to it; node B hears
        // them on the same channels and passes none on.
        Assert.True(await busA.HearsItselfAsync(Delivery, TimeProvider.System, CancellationToken.None));
        await busA.PublishAsync(new ParcelWeighed("P-2", 900), CancellationToken.None);
        await busA.PublishAsync(new ParcelWeighed("P-last", 1), CancellationToken.None);
        await Task.WhenAll(lastA.Task, lastB.Task).WaitAsync(Delivery);

        Assert.Equal(["P-2", "P-last"], heardA.Select(n => n.Parcel));
        Assert.Equal(["P-2", "P-last"], heardB.Select(n => n.Parcel));
        lock (orders)
            Assert.Empty(orders);
        Assert.Empty(logsA.Collector.GetSnapshot());
        Assert.Empty(logsB.Collector.GetSnapshot());

        static void Heard(List<ParcelWeighed> heard, ParcelWeighed notification, TaskCompletionSource last)
        {
            heard.Add(notification);
            if (notification.Parcel == "P-last")
                last.TrySetResult();
        }
    }

    [Fact]
    public async Task ACaseNotification_CarriesItsCaseToAnotherNode_WithEveryFieldTheProjectionBuilt()
    {
        using var nodes = new TwoRedisNodes(redis.ConnectionString);
        var (busA, busB) = (nodes.A, nodes.B);
        var raisedAt = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        var policy = ExceptionSlaPolicies.DefaultFor(ExceptionType.FraudReview);
        var exceptionCase = ExceptionCase.Raise(ExceptionType.FraudReview, ExceptionSubject.Order(Guid.CreateVersion7()), null, "WEB", "Fraud score 75",
            Actor.SystemId, policy, new PriorityInputs(), raisedAt);
        // Built five hours on: overdue, with its priority's factors and a timeline, as the projection builds it.
        var view = ExceptionCaseView.From(exceptionCase, policy, raisedAt.AddHours(5));
        var sent = new ExceptionCaseChangedNotification(view.Id, view.Type, view.Queue, view.Channel, ExceptionCaseAction.Raised, Actor.SystemId, 42, raisedAt, view);
        var heard = new TaskCompletionSource<ExceptionCaseChangedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = busB.Observe<ExceptionCaseChangedNotification>().Subscribe(n => heard.TrySetResult(n));

        await busA.PublishAsync(sent, CancellationToken.None);
        var received = await heard.Task.WaitAsync(Delivery);

        Assert.Equal(ReadModelJson.Serialize(sent), ReadModelJson.Serialize(received));
        Assert.NotNull(received.Case);
        Assert.Equal((view.Id, view.Subject, true, view.DueAt), (received.Case.Id, received.Case.Subject, received.Case.IsOverdue, received.Case.DueAt));
        Assert.Equal(view.Priority.Factors, received.Case.Priority.Factors);
        Assert.Equal(view.Timeline, received.Case.Timeline);
    }

    [NotificationChannel("ecomerp:test-parcel-weighed")]
    public sealed record ParcelWeighed(string Parcel, int Grams);
}
