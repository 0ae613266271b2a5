namespace EcomErp.Domain.Returns;

/// <summary>A return moved between governed states (<see cref="ReturnEvent.Status"/> is <see cref="To"/>).</summary>
public abstract record ReturnStatusChangedEvent(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, To, ActorId, OccurredAt);
