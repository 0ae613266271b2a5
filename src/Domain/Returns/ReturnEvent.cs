using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>Every return event names its return, RMA, order and channel, so consumers route it and partners are scoped by it without a lookup.</summary>
public abstract record ReturnEvent(Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;
