namespace EcomErp.Domain.Returns;

/// <summary>Inspection graded received units, one grade per unit.</summary>
public sealed record ReturnLinesInspected(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, IReadOnlyList<ReturnLineGrades> Lines, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
