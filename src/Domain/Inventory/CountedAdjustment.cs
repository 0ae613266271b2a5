namespace EcomErp.Domain.Inventory;

/// <summary>One earlier adjustment counted against the threshold.</summary>
public sealed record CountedAdjustment(Guid AdjustmentId, int QuantityChange, AdjustmentStatus Status, string RequestedBy, DateTimeOffset RequestedAt);
