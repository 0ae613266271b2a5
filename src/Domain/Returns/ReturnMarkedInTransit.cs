namespace EcomErp.Domain.Returns;

/// <summary>The carrier has the customer's parcel.</summary>
public sealed record ReturnMarkedInTransit(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string? TrackingNumber, string ActorId, DateTimeOffset OccurredAt)
    : ReturnStatusChangedEvent(ReturnId, RmaNumber, OrderId, Channel, From, To, ActorId, OccurredAt);
