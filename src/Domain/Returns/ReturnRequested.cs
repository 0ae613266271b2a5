namespace EcomErp.Domain.Returns;

/// <summary>
/// A return was requested; above the channel's auto-authorise value it waits for a second person's authorisation.
/// <see cref="CustomerEmail"/> is the order's customer (lower case), for the return KPIs per customer; events written before it
/// was carried have none (null).
/// </summary>
public sealed record ReturnRequested(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, string Currency, IReadOnlyList<ReturnLineSnapshot> Lines, ReturnRequester Requester, long ValueMinor, bool NeedsApproval, string ActorId, DateTimeOffset OccurredAt,
    string? CustomerEmail = null)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
