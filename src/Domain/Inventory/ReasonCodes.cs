using System.Reflection;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// Why stock moved: the catalog of reason codes a ledger entry carries. The ones a person may choose for
/// an adjustment are listed in <see cref="ForAdjustment"/>; the others are posted by the flows themselves.
/// </summary>
public static class ReasonCodes
{
    public const int MaxLength = 40;

    public const string PurchaseOrderConfirmed = "PO_CONFIRMED";
    public const string PurchaseOrderCancelled = "PO_CANCELLED";
    public const string PurchaseOrderReceived = "PO_RECEIVED";
    public const string PurchaseOrderOverReceived = "PO_OVER_RECEIVED";
    public const string PurchaseOrderShortClosed = "PO_SHORT_CLOSED";
    public const string TransferShipped = "TRANSFER_SHIPPED";
    public const string TransferReceived = "TRANSFER_RECEIVED";
    public const string TransferDiscrepancy = "TRANSFER_DISCREPANCY";
    public const string QualityHoldPlaced = "QUALITY_HOLD_PLACED";
    public const string QualityHoldReleased = "QUALITY_HOLD_RELEASED";
    public const string DamageRecorded = "DAMAGE_RECORDED";
    public const string ReturnInspected = "RETURN_INSPECTED";

    // Posted by the returns flow (issue 13); the reference is the return's RMA number.
    public const string ReturnReceived = "RETURN_RECEIVED";
    public const string ReturnRestocked = "RETURN_RESTOCKED";
    public const string ReturnRefurbished = "RETURN_REFURBISHED";
    public const string ReturnDamaged = "RETURN_DAMAGED";
    public const string ReturnWrittenOff = "RETURN_WRITTEN_OFF";
    public const string ReturnToVendor = "RETURN_TO_VENDOR";
    public const string Reservation = "RESERVED";
    public const string ReservationReleased = "RESERVATION_RELEASED";
    public const string Shipment = "SHIPPED";
    public const string ShortPick = "SHORT_PICK";

    // Chosen by people for adjustments (and cycle counts).
    public const string Found = "FOUND";
    public const string Lost = "LOST";
    public const string Theft = "THEFT";
    public const string WrittenOffDamaged = "WRITE_OFF_DAMAGED";
    public const string CountCorrection = "COUNT_CORRECTION";
    public const string DataEntryCorrection = "DATA_ENTRY_CORRECTION";
    public const string OpeningBalance = "OPENING_BALANCE";

    /// <summary>Every code of the catalog, read from its constants so that a code added here is known everywhere.</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    public static IReadOnlyList<string> ForAdjustment { get; } =
        [Found, Lost, Theft, WrittenOffDamaged, CountCorrection, DataEntryCorrection, OpeningBalance];

    public static bool IsAdjustmentReason(string? code) => code is not null && ForAdjustment.Contains(code, StringComparer.Ordinal);
}
