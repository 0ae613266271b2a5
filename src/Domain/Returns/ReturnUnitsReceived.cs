namespace EcomErp.Domain.Returns;

/// <summary>Units arrived at a location under one receipt; they are in ReturnsAwaitingInspection.</summary>
public sealed record ReturnUnitsReceived(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, Guid ReceiptId, string Location, IReadOnlyList<ReturnLineQuantity> Lines, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
