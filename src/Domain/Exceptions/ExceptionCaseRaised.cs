namespace EcomErp.Domain.Exceptions;

/// <summary>A case was opened; <see cref="ContinuesCaseId"/> names the earlier case whose SLA clock it continues, if any (decision 070).</summary>
public sealed record ExceptionCaseRaised(Guid CaseId, ExceptionType Type, string Queue, string Channel, ExceptionSubject Subject, DateTimeOffset DueAt, string ActorId, DateTimeOffset OccurredAt,
    Guid? ContinuesCaseId = null)
    : ExceptionCaseEvent(CaseId, Type, Queue, Channel, ActorId, OccurredAt);
