namespace EcomErp.Domain.Returns;

/// <summary>The return was authorised: by a person, or by the system below the channel's auto-authorise value.</summary>
public sealed record ReturnAuthorized(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string ActorId, DateTimeOffset OccurredAt)
    : ReturnStatusChangedEvent(ReturnId, RmaNumber, OrderId, Channel, From, To, ActorId, OccurredAt);
