namespace EcomErp.Domain.Exceptions;

public sealed record ExceptionCaseRaised(Guid CaseId, ExceptionType Type, string Queue, string Channel, ExceptionSubject Subject, DateTimeOffset DueAt, string ActorId, DateTimeOffset OccurredAt)
    : ExceptionCaseEvent(CaseId, Type, Queue, Channel, ActorId, OccurredAt);
