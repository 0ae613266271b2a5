using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record StockAdjustmentRequested(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, AdjustmentStatus Status, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;
