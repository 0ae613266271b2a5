namespace EcomErp.Domain.Returns;

/// <summary>The return was refused before anything came back.</summary>
public sealed record ReturnRejected(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string Reason, string ActorId, DateTimeOffset OccurredAt)
    : ReturnStatusChangedEvent(ReturnId, RmaNumber, OrderId, Channel, From, To, ActorId, OccurredAt);
