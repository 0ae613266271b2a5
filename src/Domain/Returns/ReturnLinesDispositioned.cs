namespace EcomErp.Domain.Returns;

/// <summary>Inspected units went to their dispositions; scrapped units above the threshold wait in Damaged for a write-off approval.</summary>
public sealed record ReturnLinesDispositioned(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, string Location, IReadOnlyList<ReturnLineDisposition> Lines, string? Supplier, int WriteOffUnitsPending, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
