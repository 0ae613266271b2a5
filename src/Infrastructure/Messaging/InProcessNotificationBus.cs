using EcomErp.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>The embedded default: the projection and the subscribers share one process.</summary>
internal sealed class InProcessNotificationBus(ILogger<InProcessNotificationBus> logger) : INotificationBus
{
    private readonly NotificationSubject<OrderStatusChangedNotification> _orderStatusChanges = new(logger);

    public IObservable<OrderStatusChangedNotification> OrderStatusChanges => _orderStatusChanges;

    public Task PublishAsync(OrderStatusChangedNotification notification, CancellationToken cancellationToken)
    {
        _orderStatusChanges.OnNext(notification);
        return Task.CompletedTask;
    }
}
