namespace EcomErp.Domain.Returns;

/// <summary>The refunded return is done.</summary>
public sealed record ReturnClosed(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string ActorId, DateTimeOffset OccurredAt)
    : ReturnStatusChangedEvent(ReturnId, RmaNumber, OrderId, Channel, From, To, ActorId, OccurredAt);
