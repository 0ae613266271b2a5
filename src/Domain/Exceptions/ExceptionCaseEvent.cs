using EcomErp.Domain.Common;

namespace EcomErp.Domain.Exceptions;

/// <summary>Every case event names its case, type, queue and channel, so a subscriber filters and scopes it without a lookup.</summary>
public abstract record ExceptionCaseEvent(Guid CaseId, ExceptionType Type, string Queue, string Channel, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
