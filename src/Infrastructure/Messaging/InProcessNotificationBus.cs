using EcomErp.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>The embedded default: the projection and the subscribers share one process.</summary>
internal sealed class InProcessNotificationBus(ILogger<InProcessNotificationBus> logger) : INotificationBus, IDisposable
{
    private readonly NotificationSubject<OrderStatusChangedNotification> _orderStatusChanges = new(logger);
    private readonly NotificationSubject<InventoryChangedNotification> _inventoryChanges = new(logger);
    private readonly NotificationSubject<AvailabilityChangedNotification> _availabilityChanges = new(logger);
    private readonly NotificationSubject<ApiClientChangedNotification> _apiClientChanges = new(logger);

    public IObservable<OrderStatusChangedNotification> OrderStatusChanges => _orderStatusChanges;

    public IObservable<InventoryChangedNotification> InventoryChanges => _inventoryChanges;

    public IObservable<AvailabilityChangedNotification> AvailabilityChanges => _availabilityChanges;

    public IObservable<ApiClientChangedNotification> ApiClientChanges => _apiClientChanges;

    public Task PublishAsync(OrderStatusChangedNotification notification, CancellationToken cancellationToken) =>
        Publish(_orderStatusChanges, notification);

    public Task PublishAsync(InventoryChangedNotification notification, CancellationToken cancellationToken) =>
        Publish(_inventoryChanges, notification);

    public Task PublishAsync(AvailabilityChangedNotification notification, CancellationToken cancellationToken) =>
        Publish(_availabilityChanges, notification);

    public Task PublishAsync(ApiClientChangedNotification notification, CancellationToken cancellationToken) =>
        Publish(_apiClientChanges, notification);

    public void Dispose()
    {
        _orderStatusChanges.Dispose();
        _inventoryChanges.Dispose();
        _availabilityChanges.Dispose();
        _apiClientChanges.Dispose();
    }

    private static Task Publish<T>(NotificationSubject<T> subject, T notification)
    {
        subject.OnNext(notification);
        return Task.CompletedTask;
    }
}
