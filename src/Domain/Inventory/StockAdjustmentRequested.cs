using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <param name="Approval">
/// For an adjustment that waits for approval, the limit it went over: the threshold, the period and the earlier adjustments
/// counted (decision 071). Null when it applied at once, and in events stored before adjustments were counted together.
/// </param>
public sealed record StockAdjustmentRequested(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, AdjustmentStatus Status, string ActorId,
    DateTimeOffset OccurredAt, AdjustmentApprovalLimit? Approval = null) : IDomainEvent;
