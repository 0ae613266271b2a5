namespace EcomErp.Domain.Returns;

/// <summary>A second person approved the write-off of scrapped units: they left the ledger from Damaged.</summary>
public sealed record ReturnWriteOffApproved(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, string Location, int Units, string RequestedBy, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
