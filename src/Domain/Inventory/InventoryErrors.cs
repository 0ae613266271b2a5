using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>Every expected failure of the inventory ledger, by code.</summary>
public static class InventoryErrors
{
    [ErrorDescription("A stock operation names a SKU that does not exist.")]
    public const string UnknownSkuCode = "INVENTORY_UNKNOWN_SKU";
    [ErrorDescription("A stock operation names a location that does not exist.")]
    public const string UnknownLocationCode = "INVENTORY_UNKNOWN_LOCATION";
    [ErrorDescription("A bucket at the location holds fewer units than the operation takes from it.")]
    public const string InsufficientStockCode = "INVENTORY_INSUFFICIENT_STOCK";
    [ErrorDescription("Stock does not move between these two buckets by hand.")]
    public const string MoveNotAllowedCode = "INVENTORY_MOVE_NOT_ALLOWED";
    [ErrorDescription("A ledger reference is missing, too long or unreadable.")]
    public const string ReferenceInvalidCode = "INVENTORY_REFERENCE_INVALID";
    [ErrorDescription("A stock operation that needs a reason was sent without one.")]
    public const string ReasonRequiredCode = "INVENTORY_REASON_REQUIRED";
    [ErrorDescription("A reason code is not one of the ledger's reason codes (or not one allowed here).")]
    public const string ReasonUnknownCode = "INVENTORY_REASON_UNKNOWN";
    [ErrorDescription("A note is longer than allowed.")]
    public const string NoteTooLongCode = "INVENTORY_NOTE_TOO_LONG";
    [ErrorDescription("A purchase order, transfer or receipt has no line.")]
    public const string NoLinesCode = "INVENTORY_NO_LINES";
    [ErrorDescription("A purchase order, transfer or receipt has more lines than allowed.")]
    public const string TooManyLinesCode = "INVENTORY_TOO_MANY_LINES";
    [ErrorDescription("A purchase order, transfer or receipt lists the same SKU on more than one line.")]
    public const string DuplicateLineCode = "INVENTORY_DUPLICATE_LINE";
    [ErrorDescription("A safety stock is negative or above the largest quantity accepted.")]
    public const string SafetyStockInvalidCode = "INVENTORY_SAFETY_STOCK_INVALID";
    [ErrorDescription("A counted quantity is negative or above the largest quantity accepted.")]
    public const string CountInvalidCode = "INVENTORY_COUNT_INVALID";
    [ErrorDescription("Opening stock is posted to a SKU at a location that already holds stock, or to a bucket opening stock does not go to.")]
    public const string OpeningStockRefusedCode = "INVENTORY_OPENING_STOCK_REFUSED";
    [ErrorDescription("A transfer goes from a location to itself.")]
    public const string SameLocationCode = "INVENTORY_TRANSFER_SAME_LOCATION";
    [ErrorDescription("A supplier code is missing, too long, or not made of letters, digits and dashes.")]
    public const string SupplierInvalidCode = "INVENTORY_SUPPLIER_INVALID";
    [ErrorDescription("A purchase order line's expected date is in the past.")]
    public const string ExpectedDateInvalidCode = "INVENTORY_EXPECTED_DATE_INVALID";
    [ErrorDescription("A receipt would take in more than the ordered quantity plus the over-receipt tolerance.")]
    public const string ReceiptBeyondToleranceCode = "INVENTORY_RECEIPT_BEYOND_TOLERANCE";
    [ErrorDescription("A received quantity is negative or above the largest quantity accepted.")]
    public const string ReceiptQuantityInvalidCode = "INVENTORY_RECEIPT_QUANTITY_INVALID";
    [ErrorDescription("A receipt names a SKU that is not on the purchase order or transfer.")]
    public const string LineNotOnDocumentCode = "INVENTORY_LINE_NOT_ON_DOCUMENT";
    [ErrorDescription("No purchase order has this id among those the caller may see.")]
    public const string PurchaseOrderNotFoundCode = "PURCHASE_ORDER_NOT_FOUND";
    [ErrorDescription("The purchase order's status does not allow this step, for example receiving a cancelled one.")]
    public const string PurchaseOrderIllegalTransitionCode = "PURCHASE_ORDER_ILLEGAL_TRANSITION";
    [ErrorDescription("No transfer has this id.")]
    public const string TransferNotFoundCode = "TRANSFER_NOT_FOUND";
    [ErrorDescription("The transfer was received already.")]
    public const string TransferAlreadyReceivedCode = "TRANSFER_ALREADY_RECEIVED";
    [ErrorDescription("A transfer's expected arrival is before the day it shipped.")]
    public const string ArrivalBeforeShipmentCode = "TRANSFER_ARRIVAL_BEFORE_SHIPMENT";
    [ErrorDescription("No stock adjustment has this id.")]
    public const string AdjustmentNotFoundCode = "ADJUSTMENT_NOT_FOUND";
    [ErrorDescription("A stock adjustment changes nothing (a quantity of zero).")]
    public const string AdjustmentZeroCode = "ADJUSTMENT_ZERO";
    [ErrorDescription("A stock adjustment's quantity is above the largest one accepted.")]
    public const string AdjustmentTooLargeCode = "ADJUSTMENT_TOO_LARGE";
    [ErrorDescription("The stock adjustment was approved or rejected already.")]
    public const string AdjustmentNotPendingCode = "ADJUSTMENT_NOT_PENDING";
    [ErrorDescription("The person who requested a stock adjustment may not approve or reject it too, nor may a key they issued or the person who issued their key (four eyes).")]
    public const string SelfApprovalCode = "ADJUSTMENT_SELF_APPROVAL";
    [ErrorDescription("The SKU already has this inspection requirement, so nothing would change.")]
    public const string InspectionUnchangedCode = "INSPECTION_REQUIREMENT_UNCHANGED";
    [ErrorDescription("A time range ends before it starts.")]
    public const string TimeRangeInvalidCode = "INVENTORY_TIME_RANGE_INVALID";

    public const int MaxLines = 200;
    public const int NoteMaxLength = 500;

    public static Error UnknownSku(SkuCode sku, string field = "sku") => new(UnknownSkuCode, $"SKU {sku} does not exist.", field);

    public static Error UnknownLocation(LocationCode location, string field = "location") =>
        new(UnknownLocationCode, $"Location {location} does not exist.", field);

    public static Error InsufficientStock(SkuCode sku, LocationCode location, StockBucket bucket, int wanted, int held, string field = "quantity") =>
        new(InsufficientStockCode, $"{location} holds {held} of {sku} in {bucket}; {wanted} cannot be taken from it.", field);

    public static Error SelfApproval(string verb) => new(SelfApprovalCode, $"A second person must {verb} an adjustment you requested (four eyes).");

    public static Error NotPermitted(Actor actor, string role, string step) =>
        new(CommonErrors.NotPermitted, $"{actor.Name} may not {step}: it needs {actor.Lacks(role)}.");

    public static Error PurchaseOrderNotFound(Guid id) =>
        new(PurchaseOrderNotFoundCode, $"Purchase order {id} does not exist.", "purchaseOrderId");

    public static Error TransferNotFound(Guid id) => new(TransferNotFoundCode, $"Transfer {id} does not exist.", "transferId");

    public static Error AdjustmentNotFound(Guid id) => new(AdjustmentNotFoundCode, $"Adjustment {id} does not exist.", "adjustmentId");

    public static Error ReferenceInvalid(string field = "reference") =>
        new(ReferenceInvalidCode, $"A reference of 1 to {LedgerEntry.ReferenceMaxLength} characters is required.", field);
}
