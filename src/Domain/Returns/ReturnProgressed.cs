namespace EcomErp.Domain.Returns;

/// <summary>The work inside a state completed it: the first units arrived (Received), every unit is graded or missing (Inspected), every graded unit is dispositioned (Dispositioned), or the refund was paid (Refunded; its amounts are in ReturnRefunded).</summary>
public sealed record ReturnProgressed(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus From, ReturnStatus To, string ActorId, DateTimeOffset OccurredAt)
    : ReturnStatusChangedEvent(ReturnId, RmaNumber, OrderId, Channel, From, To, ActorId, OccurredAt);
