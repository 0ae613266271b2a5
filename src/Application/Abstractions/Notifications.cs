using EcomErp.Domain.Orders;

namespace EcomErp.Application.Abstractions;

/// <summary>Sent on the bus after the order's read model was updated, so a subscriber that queries sees the new state.</summary>
public sealed record OrderStatusChangedNotification(
    Guid OrderId, string Channel, OrderStatus Status, OrderStatus? PreviousStatus, long Sequence, DateTimeOffset OccurredAt);

/// <summary>
/// Change notifications from the projection to live subscribers: in-process by default, Redis pub/sub
/// when configured so every node's subscribers hear every node's projections.
/// </summary>
public interface INotificationBus
{
    Task PublishAsync(OrderStatusChangedNotification notification, CancellationToken cancellationToken);

    IObservable<OrderStatusChangedNotification> OrderStatusChanges { get; }
}
