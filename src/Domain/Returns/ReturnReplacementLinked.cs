namespace EcomErp.Domain.Returns;

/// <summary>The replacement order of an exchange was captured and linked to the return.</summary>
public sealed record ReturnReplacementLinked(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, Guid ReplacementOrderId, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
