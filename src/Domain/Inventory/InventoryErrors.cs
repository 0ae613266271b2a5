using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>Every expected failure of the inventory ledger, by code.</summary>
public static class InventoryErrors
{
    public const string UnknownSkuCode = "INVENTORY_UNKNOWN_SKU";
    public const string UnknownLocationCode = "INVENTORY_UNKNOWN_LOCATION";
    public const string InsufficientStockCode = "INVENTORY_INSUFFICIENT_STOCK";
    public const string MoveNotAllowedCode = "INVENTORY_MOVE_NOT_ALLOWED";
    public const string ReferenceInvalidCode = "INVENTORY_REFERENCE_INVALID";
    public const string ReasonRequiredCode = "INVENTORY_REASON_REQUIRED";
    public const string ReasonUnknownCode = "INVENTORY_REASON_UNKNOWN";
    public const string NoteTooLongCode = "INVENTORY_NOTE_TOO_LONG";
    public const string NoLinesCode = "INVENTORY_NO_LINES";
    public const string TooManyLinesCode = "INVENTORY_TOO_MANY_LINES";
    public const string DuplicateLineCode = "INVENTORY_DUPLICATE_LINE";
    public const string SafetyStockInvalidCode = "INVENTORY_SAFETY_STOCK_INVALID";
    public const string CountInvalidCode = "INVENTORY_COUNT_INVALID";
    public const string SameLocationCode = "INVENTORY_TRANSFER_SAME_LOCATION";
    public const string SupplierInvalidCode = "INVENTORY_SUPPLIER_INVALID";
    public const string ExpectedDateInvalidCode = "INVENTORY_EXPECTED_DATE_INVALID";
    public const string ReceiptBeyondToleranceCode = "INVENTORY_RECEIPT_BEYOND_TOLERANCE";
    public const string ReceiptQuantityInvalidCode = "INVENTORY_RECEIPT_QUANTITY_INVALID";
    public const string LineNotOnDocumentCode = "INVENTORY_LINE_NOT_ON_DOCUMENT";
    public const string PurchaseOrderNotFoundCode = "PURCHASE_ORDER_NOT_FOUND";
    public const string PurchaseOrderIllegalTransitionCode = "PURCHASE_ORDER_ILLEGAL_TRANSITION";
    public const string TransferNotFoundCode = "TRANSFER_NOT_FOUND";
    public const string TransferAlreadyReceivedCode = "TRANSFER_ALREADY_RECEIVED";
    public const string AdjustmentNotFoundCode = "ADJUSTMENT_NOT_FOUND";
    public const string AdjustmentZeroCode = "ADJUSTMENT_ZERO";
    public const string AdjustmentTooLargeCode = "ADJUSTMENT_TOO_LARGE";
    public const string AdjustmentNotPendingCode = "ADJUSTMENT_NOT_PENDING";
    public const string SelfApprovalCode = "ADJUSTMENT_SELF_APPROVAL";
    public const string InspectionUnchangedCode = "INSPECTION_REQUIREMENT_UNCHANGED";
    public const string TimeRangeInvalidCode = "INVENTORY_TIME_RANGE_INVALID";

    public const int MaxLines = 200;
    public const int NoteMaxLength = 500;

    public static Error UnknownSku(SkuCode sku, string field = "sku") => new(UnknownSkuCode, $"SKU {sku} does not exist.", field);

    public static Error UnknownLocation(LocationCode location, string field = "location") =>
        new(UnknownLocationCode, $"Location {location} does not exist.", field);

    public static Error InsufficientStock(SkuCode sku, LocationCode location, StockBucket bucket, int wanted, int held, string field = "quantity") =>
        new(InsufficientStockCode, $"{location} holds {held} of {sku} in {bucket}; {wanted} cannot be taken from it.", field);

    public static Error NotPermitted(Actor actor, string role, string step) =>
        new(CommonErrors.NotPermitted, $"{actor.Name} may not {step}: it needs the {role} role.");

    public static Error PurchaseOrderNotFound(Guid id) =>
        new(PurchaseOrderNotFoundCode, $"Purchase order {id} does not exist.", "purchaseOrderId");

    public static Error TransferNotFound(Guid id) => new(TransferNotFoundCode, $"Transfer {id} does not exist.", "transferId");

    public static Error AdjustmentNotFound(Guid id) => new(AdjustmentNotFoundCode, $"Adjustment {id} does not exist.", "adjustmentId");

    public static Error ReferenceInvalid(string field = "reference") =>
        new(ReferenceInvalidCode, $"A reference of 1 to {LedgerEntry.ReferenceMaxLength} characters is required.", field);
}
