namespace EcomErp.Domain.Exceptions;

public sealed record ExceptionCaseEscalated(Guid CaseId, ExceptionType Type, string Queue, string Channel, int Level, string EscalatedTo, string ActorId, DateTimeOffset OccurredAt)
    : ExceptionCaseEvent(CaseId, Type, Queue, Channel, ActorId, OccurredAt);
