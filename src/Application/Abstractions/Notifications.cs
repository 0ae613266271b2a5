using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Abstractions;

/// <summary>Sent on the bus after the order's read model was updated, so a subscriber that queries sees the new state.</summary>
[NotificationChannel("ecomerp:order-status")]
public sealed record OrderStatusChangedNotification(
    Guid OrderId, string Channel, OrderStatus Status, OrderStatus? PreviousStatus, long Sequence, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The order as the projection left it in the batch that announced the change (decision 053), so a subscriber
    /// resolves it without a read per event; null from a node that does not send it, and the subscriber then reads.
    /// </summary>
    public OrderView? Order { get; init; }
}

/// <summary>A SKU's inventory position after a projected change, sent once its read model holds it.</summary>
[NotificationChannel("ecomerp:inventory")]
public sealed record InventoryChangedNotification(InventoryPositionView Position, DateTimeOffset ChangedAt);

/// <summary>
/// A channel's available to promise or committed units of a SKU changed; sent once the position read model holds
/// the new figures. <see cref="Sequence"/> is the position's newest outbox sequence.
/// </summary>
[NotificationChannel("ecomerp:availability")]
public sealed record AvailabilityChangedNotification(
    string Channel, string Sku, int AvailableToPromise, int? PriorityAvailableToPromise, int Committed, long Sequence, DateTimeOffset ChangedAt);

/// <summary>
/// An exception case was raised, assigned, escalated, resolved or dismissed; sent once the case's event was projected.
/// It names the case's type, queue and channel, so a subscriber filters and scopes it without a lookup, and carries the case
/// as the projection read it (<paramref name="Case"/>; its clock at the projection's instant, and it may include the batch's
/// later changes), so a subscriber needs no read per event; null from a node that sent none.
/// </summary>
[NotificationChannel("ecomerp:exception-cases")]
public sealed record ExceptionCaseChangedNotification(
    Guid CaseId, ExceptionType Type, string Queue, string Channel, ExceptionCaseAction Action, string ActorId, long Sequence, DateTimeOffset OccurredAt,
    Exceptions.ExceptionCaseView? Case = null);

/// <summary>
/// An API client was revoked or its scopes or channels changed: every node closes the connections it authenticated
/// with the client's old grants.
/// </summary>
[NotificationChannel("ecomerp:api-clients")]
public sealed record ApiClientChangedNotification(Guid ClientId, DateTimeOffset ChangedAt);

/// <summary>
/// Change notifications from the projection to live subscribers: in-process by default, Redis pub/sub
/// when configured so every node's subscribers hear every node's projections.
/// </summary>
public interface INotificationBus
{
    /// <summary>Sends <paramref name="notification"/> to every subscriber of its type, on this node and, over Redis, every other.</summary>
    Task PublishAsync<T>(T notification, CancellationToken cancellationToken) where T : class;

    /// <summary>The notifications of type <typeparamref name="T"/> published from now on.</summary>
    IObservable<T> Observe<T>() where T : class;
}
