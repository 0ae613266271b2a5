using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory;

/// <summary>A balance as the command left it.</summary>
public sealed record BalanceView(string Sku, string Location, StockLevels Levels, int SafetyStock, int Version)
{
    public static BalanceView From(InventoryBalance balance) =>
        new(balance.Sku.Value, balance.Location.Value, balance.Levels, balance.SafetyStock, balance.Version);
}

public sealed record TransferView(
    Guid TransferId, string FromLocation, string ToLocation, TransferStatus Status, bool HasDiscrepancy, IReadOnlyList<TransferLineSnapshot> Lines,
    int Version, string ShippedBy, DateTimeOffset ShippedAt, string? ReceivedBy, DateTimeOffset? ReceivedAt, DateOnly? ExpectedOn)
{
    public static TransferView From(Transfer transfer) => new(transfer.Id.Value, transfer.FromLocation.Value, transfer.ToLocation.Value,
        transfer.Status, transfer.HasDiscrepancy, [.. transfer.Lines.Select(l => l.Snapshot())], transfer.Version, transfer.ShippedBy, transfer.ShippedAt,
        transfer.ReceivedBy, transfer.ReceivedAt, transfer.ExpectedOn);
}

public sealed record AdjustmentView(
    Guid AdjustmentId, string Sku, string Location, int QuantityChange, string ReasonCode, string? Note, AdjustmentStatus Status, string RequestedBy,
    DateTimeOffset RequestedAt, string? ApprovedBy, string? RejectedBy, string? RejectionReason, int Version)
{
    public static AdjustmentView From(StockAdjustment adjustment) => new(adjustment.Id.Value, adjustment.Sku.Value, adjustment.Location.Value,
        adjustment.QuantityChange, adjustment.ReasonCode, adjustment.Note, adjustment.Status, adjustment.RequestedBy, adjustment.RequestedAt,
        adjustment.ApprovedBy, adjustment.RejectedBy, adjustment.RejectionReason, adjustment.Version);
}
