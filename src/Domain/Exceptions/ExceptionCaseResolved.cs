namespace EcomErp.Domain.Exceptions;

public sealed record ExceptionCaseResolved(Guid CaseId, ExceptionType Type, string Queue, string Channel, ExceptionResolution Resolution, string Note, string ActorId, DateTimeOffset OccurredAt)
    : ExceptionCaseEvent(CaseId, Type, Queue, Channel, ActorId, OccurredAt);
