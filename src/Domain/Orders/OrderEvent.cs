using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Every order event names its order and channel so consumers can route and scope it without a lookup.</summary>
public abstract record OrderEvent(Guid OrderId, string Channel, DateTimeOffset OccurredAt) : IDomainEvent;
