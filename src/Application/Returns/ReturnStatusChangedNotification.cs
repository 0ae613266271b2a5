using EcomErp.Application.Abstractions;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns;

/// <summary>
/// Sent on the bus after the return's read model was updated, so a subscriber that queries sees the new state; a request is
/// the first status a return has, with no previous one. <paramref name="Return"/> is the view the projection stored in the
/// same batch (it may include the batch's later changes), so a subscriber needs no read per event; null from a node that
/// sent none.
/// </summary>
[NotificationChannel("ecomerp:return-status")]
public sealed record ReturnStatusChangedNotification(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, ReturnStatus? PreviousStatus, long Sequence, DateTimeOffset OccurredAt,
    ReturnView? Return = null);
