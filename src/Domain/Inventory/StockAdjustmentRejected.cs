using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record StockAdjustmentRejected(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, string RequestedBy, string Reason, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;
