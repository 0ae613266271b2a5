namespace EcomErp.Domain.Exceptions;

public sealed record ExceptionCaseDismissed(Guid CaseId, ExceptionType Type, string Queue, string Channel, string Note, string ActorId, DateTimeOffset OccurredAt)
    : ExceptionCaseEvent(CaseId, Type, Queue, Channel, ActorId, OccurredAt);
