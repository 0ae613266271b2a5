namespace EcomErp.Domain.Returns;

/// <summary>The return was withdrawn before any unit arrived.</summary>
public sealed record ReturnCancelled(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string Reason, string ActorId, DateTimeOffset OccurredAt)
    : ReturnStatusChangedEvent(ReturnId, RmaNumber, OrderId, Channel, From, To, ActorId, OccurredAt);
