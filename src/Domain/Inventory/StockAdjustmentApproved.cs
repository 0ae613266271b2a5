using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record StockAdjustmentApproved(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, string RequestedBy, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;
