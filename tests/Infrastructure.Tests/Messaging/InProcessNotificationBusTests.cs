using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Tests.ReadModels;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcomErp.Infrastructure.Tests.Messaging;

/// <summary>What every subscriber of the bus may rely on, whatever the others do.</summary>
public sealed class InProcessNotificationBusTests : IDisposable
{
    private readonly InProcessNotificationBus _bus = new(NullLogger<InProcessNotificationBus>.Instance);

    [Fact]
    public async Task ASubscriberThatThrows_DoesNotKeepTheNotificationFromThoseAfterIt_AndStaysSubscribed()
    {
        var heard = new List<(string Subscriber, long Sequence)>();
        using var throwing = _bus.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n =>
        {
            heard.Add(("throwing", n.Sequence));
            throw new InvalidOperationException("A subscriber's bug.");
        }));
        using var after = _bus.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n => heard.Add(("after", n.Sequence))));

        await _bus.PublishAsync(Notification(1), CancellationToken.None);
        await _bus.PublishAsync(Notification(2), CancellationToken.None);

        Assert.Equal([("throwing", 1L), ("after", 1L), ("throwing", 2L), ("after", 2L)], heard);
    }

    [Fact]
    public async Task ADisposedSubscription_HearsNothingMore_WhileTheOthersDo()
    {
        var heard = new List<(string Subscriber, long Sequence)>();
        var first = _bus.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n => heard.Add(("first", n.Sequence))));
        using var second = _bus.Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n => heard.Add(("second", n.Sequence))));

        await _bus.PublishAsync(Notification(1), CancellationToken.None);
        first.Dispose();
        first.Dispose();
        await _bus.PublishAsync(Notification(2), CancellationToken.None);

        Assert.Equal([("first", 1L), ("second", 1L), ("second", 2L)], heard);
    }

    public void Dispose() => _bus.Dispose();

    private static OrderStatusChangedNotification Notification(long sequence) =>
        new(Guid.NewGuid(), "WEB", OrderStatus.Validated, OrderStatus.Captured, sequence, DateTimeOffset.UnixEpoch);
}
