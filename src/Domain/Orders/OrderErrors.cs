using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Every expected failure of the order workflow, by code.</summary>
public static class OrderErrors
{
    public const string NotFoundCode = "ORDER_NOT_FOUND";
    public const string IllegalTransitionCode = "ORDER_ILLEGAL_TRANSITION";
    public const string OnHoldCode = "ORDER_ON_HOLD";
    public const string EntryCriteriaNotMetCode = "ORDER_ENTRY_CRITERIA_NOT_MET";
    public const string ActorNotPermittedCode = "ORDER_ACTOR_NOT_PERMITTED";
    public const string DuplicateCaptureConflictCode = "ORDER_DUPLICATE_CAPTURE_CONFLICT";
    public const string ExternalIdInvalidCode = "ORDER_EXTERNAL_ID_INVALID";
    public const string NoLinesCode = "ORDER_NO_LINES";
    public const string TooManyLinesCode = "ORDER_TOO_MANY_LINES";
    public const string DuplicateLineCode = "ORDER_DUPLICATE_LINE";
    public const string LineCurrencyMismatchCode = "ORDER_LINE_CURRENCY_MISMATCH";
    public const string UnitPriceInvalidCode = "ORDER_UNIT_PRICE_INVALID";
    public const string ReasonRequiredCode = "ORDER_REASON_REQUIRED";
    public const string HoldNotFoundCode = "ORDER_HOLD_NOT_FOUND";
    public const string HoldAlreadyOpenCode = "ORDER_HOLD_ALREADY_OPEN";
    public const string HoldAlreadyReleasedCode = "ORDER_HOLD_ALREADY_RELEASED";
    public const string SelfApprovalCode = "ORDER_SELF_APPROVAL";
    public const string ShipmentDetailsInvalidCode = "ORDER_SHIPMENT_DETAILS_INVALID";
    public const string InvoiceNumberInvalidCode = "ORDER_INVOICE_NUMBER_INVALID";
    public const string AddressInvalid = "ORDER_ADDRESS_INVALID";
    public const string AddressMissing = "ORDER_ADDRESS_INCOMPLETE";
    public const string CustomerInvalid = "ORDER_CUSTOMER_INVALID";
    public const string UnknownChannelCode = "ORDER_UNKNOWN_CHANNEL";
    public const string ChannelInactiveCode = "ORDER_CHANNEL_INACTIVE";
    public const string UnknownSkuCode = "ORDER_UNKNOWN_SKU";
    public const string NothingToAllocateCode = "ORDER_NOTHING_TO_ALLOCATE";
    public const string NoStockToAllocateCode = "ORDER_NO_STOCK_TO_ALLOCATE";
    public const string AllocationInvalidCode = "ORDER_ALLOCATION_INVALID";
    public const string ShipmentNotFoundCode = "ORDER_SHIPMENT_NOT_FOUND";
    public const string ShipmentNotOpenCode = "ORDER_SHIPMENT_NOT_OPEN";
    public const string ShipmentRequiredCode = "ORDER_SHIPMENT_REQUIRED";
    public const string LineNotFoundCode = "ORDER_LINE_NOT_FOUND";
    public const string ShortPickInvalidCode = "ORDER_SHORT_PICK_INVALID";

    public const int ExternalIdMaxLength = 64;
    public const int ReasonMaxLength = 500;
    public const int MaxLines = 200;

    public static Error NotFound(OrderId id) => new(NotFoundCode, $"Order {id} does not exist.");

    public static Error IllegalTransition(OrderStatus from, OrderStatus to) =>
        new(IllegalTransitionCode, $"An order cannot move from {from} to {to}.");

    public static Error OnHold(IEnumerable<HoldType> holds) =>
        new(OnHoldCode, $"The order has open holds ({string.Join(", ", holds)}); release them first.");

    public static Error EntryCriteriaNotMet(OrderStatus to, string why) =>
        new(EntryCriteriaNotMetCode, $"The order cannot enter {to}: {why}");

    public static Error ActorNotPermitted(Actor actor, string role, string step) =>
        new(ActorNotPermittedCode, $"{actor.Name} may not {step}: it needs the {role} role.");

    public static Error DuplicateCaptureConflict(ChannelCode channel, string externalId) =>
        new(DuplicateCaptureConflictCode,
            $"Order '{externalId}' was already captured on channel {channel} with different content.", "externalOrderId");

    public static Error ReasonRequired(string field = "reason") =>
        new(ReasonRequiredCode, $"A reason of 1 to {ReasonMaxLength} characters is required.", field);

    /// <summary>Why a channel's order id cannot be captured, or null: 1 to <see cref="ExternalIdMaxLength"/> characters of readable text.</summary>
    public static Error? CheckExternalId(string? externalOrderId) =>
        string.IsNullOrWhiteSpace(externalOrderId) || externalOrderId.Trim().Length > ExternalIdMaxLength
            ? new Error(ExternalIdInvalidCode, $"An external order id of 1 to {ExternalIdMaxLength} characters is required.", "externalOrderId")
            : TextRules.Check(externalOrderId, "externalOrderId");

    public static Error AllocationInvalid(string why) => new(AllocationInvalidCode, $"The allocation does not fit the order: {why}");

    public static Error AddressPartMissing(string field) => new(AddressMissing, $"{field} is required.", field);

    public static Error AddressPartTooLong(string field, int max) => new(AddressInvalid, $"{field} has at most {max} characters.", field);
}
