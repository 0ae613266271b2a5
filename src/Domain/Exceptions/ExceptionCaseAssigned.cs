namespace EcomErp.Domain.Exceptions;

public sealed record ExceptionCaseAssigned(Guid CaseId, ExceptionType Type, string Queue, string Channel, string Assignee, string ActorId, DateTimeOffset OccurredAt)
    : ExceptionCaseEvent(CaseId, Type, Queue, Channel, ActorId, OccurredAt);
