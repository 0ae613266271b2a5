using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Every expected failure of the order workflow, by code.</summary>
public static class OrderErrors
{
    [ErrorDescription("No order has this id among the orders the caller may see.")]
    public const string NotFoundCode = "ORDER_NOT_FOUND";
    [ErrorDescription("The order's status does not allow this step, for example shipping an order that was never packed.")]
    public const string IllegalTransitionCode = "ORDER_ILLEGAL_TRANSITION";
    [ErrorDescription("The order has an open hold, which blocks every forward step until it is released.")]
    public const string OnHoldCode = "ORDER_ON_HOLD";
    [ErrorDescription("The order does not meet the entry criteria of the status it would move to; the message names them.")]
    public const string EntryCriteriaNotMetCode = "ORDER_ENTRY_CRITERIA_NOT_MET";
    [ErrorDescription("The caller lacks the role that owns this step of the order workflow.")]
    public const string ActorNotPermittedCode = "ORDER_ACTOR_NOT_PERMITTED";
    [ErrorDescription("An order with this external id was captured on the channel before with different content.")]
    public const string DuplicateCaptureConflictCode = "ORDER_DUPLICATE_CAPTURE_CONFLICT";
    [ErrorDescription("An external order id is missing, too long or unreadable.")]
    public const string ExternalIdInvalidCode = "ORDER_EXTERNAL_ID_INVALID";
    [ErrorDescription("An order has no line.")]
    public const string NoLinesCode = "ORDER_NO_LINES";
    [ErrorDescription("An order has more lines than allowed.")]
    public const string TooManyLinesCode = "ORDER_TOO_MANY_LINES";
    [ErrorDescription("An order lists the same SKU on more than one line.")]
    public const string DuplicateLineCode = "ORDER_DUPLICATE_LINE";
    [ErrorDescription("An order line's price is in another currency than the order.")]
    public const string LineCurrencyMismatchCode = "ORDER_LINE_CURRENCY_MISMATCH";
    [ErrorDescription("An order line's unit price is missing, negative or not a valid amount of the order's currency.")]
    public const string UnitPriceInvalidCode = "ORDER_UNIT_PRICE_INVALID";
    [ErrorDescription("A step that needs a reason (hold, release, cancel) was sent without one, or with one that is too long.")]
    public const string ReasonRequiredCode = "ORDER_REASON_REQUIRED";
    [ErrorDescription("The order has no hold with this id.")]
    public const string HoldNotFoundCode = "ORDER_HOLD_NOT_FOUND";
    [ErrorDescription("The order already has an open hold of this type.")]
    public const string HoldAlreadyOpenCode = "ORDER_HOLD_ALREADY_OPEN";
    [ErrorDescription("The hold was released already.")]
    public const string HoldAlreadyReleasedCode = "ORDER_HOLD_ALREADY_RELEASED";
    [ErrorDescription("The person who placed or requested it, or who captured the order a fraud, high-value or credit hold judges, may not approve or release it too (four eyes).")]
    public const string SelfApprovalCode = "ORDER_SELF_APPROVAL";
    [ErrorDescription("A package count, carrier or tracking number is missing or out of range.")]
    public const string ShipmentDetailsInvalidCode = "ORDER_SHIPMENT_DETAILS_INVALID";
    [ErrorDescription("An invoice number is missing or too long.")]
    public const string InvoiceNumberInvalidCode = "ORDER_INVOICE_NUMBER_INVALID";
    [ErrorDescription("A part of an address is too long or unreadable.")]
    public const string AddressInvalid = "ORDER_ADDRESS_INVALID";
    [ErrorDescription("A required part of an address is missing.")]
    public const string AddressMissing = "ORDER_ADDRESS_INCOMPLETE";
    [ErrorDescription("The customer's email or name is missing, malformed or too long.")]
    public const string CustomerInvalid = "ORDER_CUSTOMER_INVALID";
    [ErrorDescription("An order names a channel that does not exist or that the caller's key may not use.")]
    public const string UnknownChannelCode = "ORDER_UNKNOWN_CHANNEL";
    [ErrorDescription("An order names a channel that is not active.")]
    public const string ChannelInactiveCode = "ORDER_CHANNEL_INACTIVE";
    [ErrorDescription("An order line names a SKU that does not exist.")]
    public const string UnknownSkuCode = "ORDER_UNKNOWN_SKU";
    [ErrorDescription("Every unit of the order is allocated already.")]
    public const string NothingToAllocateCode = "ORDER_NOTHING_TO_ALLOCATE";
    [ErrorDescription("No eligible location has stock for any unit the order still needs, and the channel does not backorder.")]
    public const string NoStockToAllocateCode = "ORDER_NO_STOCK_TO_ALLOCATE";
    [ErrorDescription("An allocation does not fit the order it is applied to; the message says why.")]
    public const string AllocationInvalidCode = "ORDER_ALLOCATION_INVALID";
    [ErrorDescription("The order has no shipment with this id.")]
    public const string ShipmentNotFoundCode = "ORDER_SHIPMENT_NOT_FOUND";
    [ErrorDescription("The shipment has left or was cancelled already.")]
    public const string ShipmentNotOpenCode = "ORDER_SHIPMENT_NOT_OPEN";
    [ErrorDescription("The order has more than one open shipment, so the step must name which one.")]
    public const string ShipmentRequiredCode = "ORDER_SHIPMENT_REQUIRED";
    [ErrorDescription("The order has no line with this number.")]
    public const string LineNotFoundCode = "ORDER_LINE_NOT_FOUND";
    [ErrorDescription("A short pick reports no missing unit, or more than the shipment holds of the line.")]
    public const string ShortPickInvalidCode = "ORDER_SHORT_PICK_INVALID";
    [ErrorDescription("An amendment (ship-to, priority) would leave the order as it is: nothing was changed.")]
    public const string AmendmentUnchangedCode = "ORDER_AMENDMENT_UNCHANGED";
    [ErrorDescription("The order already waits on a carrier-capacity hold and today's pickups are still full: the release changes nothing until "
        + "capacity frees (another day) or the warehouse manager approves its case over capacity.")]
    public const string CarrierCapacityExhaustedCode = "ORDER_CARRIER_CAPACITY_EXHAUSTED";

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
        new(ActorNotPermittedCode, $"{actor.Name} may not {step}: it needs {actor.Lacks(role)}.");

    public static Error DuplicateCaptureConflict(ChannelCode channel, string externalId) =>
        new(DuplicateCaptureConflictCode,
            $"Order '{externalId}' was already captured on channel {channel} with different content.", "externalOrderId");

    public static Error ReasonRequired(string field = "reason") =>
        new(ReasonRequiredCode, $"A reason of 1 to {ReasonMaxLength} characters is required.", field);

    /// <summary>Why a channel's order id cannot be captured, or null: 1 to <see cref="ExternalIdMaxLength"/> characters of readable text.</summary>
    public static Error? CheckExternalId(string? externalOrderId) =>
        string.IsNullOrWhiteSpace(externalOrderId) || externalOrderId.Trim().Length > ExternalIdMaxLength
            ? new(ExternalIdInvalidCode, $"An external order id of 1 to {ExternalIdMaxLength} characters is required.", "externalOrderId")
            : TextRules.Check(externalOrderId, "externalOrderId");

    public static Error AllocationInvalid(string why) => new(AllocationInvalidCode, $"The allocation does not fit the order: {why}");

    public static Error AddressPartMissing(string field) => new(AddressMissing, $"{field} is required.", field);

    public static Error AddressPartTooLong(string field, int max) => new(AddressInvalid, $"{field} has at most {max} characters.", field);

    public static Error FraudScoreOutOfRange(int max) => new(CommonErrors.ValidationFailed, $"A fraud score is 0 to {max}.", "fraudScore");

    /// <summary>The wrong-state answer of a step that works inside its state (it moves the order nowhere).</summary>
    public static Error OutOfState(OrderStep step, OrderStatus status) => step switch
    {
        // A confirmed pick is what Packed needs, so confirming one elsewhere is that criterion failing.
        OrderStep.ConfirmPick => EntryCriteriaNotMet(OrderStatus.Packed, $"a pick is confirmed while the order is Picking, and it is {status}."),
        OrderStep.RecordShortPick => new(IllegalTransitionCode, $"A short pick is recorded while the order is Picking, and it is {status}."),
        _ => new(IllegalTransitionCode, $"An order in {status} cannot take the {step} step."),
    };

    // Capture: the order's lines, checked once, by the aggregate.
    public static Error NoLines() => new(NoLinesCode, "An order needs at least one line.", "lines");

    public static Error TooManyLines() => new(TooManyLinesCode, $"An order has at most {MaxLines} lines.", "lines");

    public static Error DuplicateLine(int index, SkuCode sku) =>
        new(DuplicateLineCode, $"Line {index + 1}: SKU {sku} appears on more than one line; add the quantities.", "lines");

    public static Error LineCurrencyMismatch(int index, Currency orderCurrency, Currency lineCurrency) =>
        new(LineCurrencyMismatchCode, $"Every line of an order is in one currency: line 1 is in {orderCurrency}, this one in {lineCurrency}.",
            $"lines[{index}].unitPrice.currencyCode");

    public static Error UnitPriceNegative(int index) => new(UnitPriceInvalidCode, "A unit price cannot be negative.", $"lines[{index}].unitPrice.amount");

    public static Error TotalOutOfRange() => new(UnitPriceInvalidCode, "The order total is beyond the range of money EcomErp keeps.", "lines");

    // Allocation.
    public static Error NothingToAllocate() => new(NothingToAllocateCode, "Every unit of the order is already allocated.");

    public static Error NoStockToAllocate(int waiting) =>
        new(NoStockToAllocateCode, $"No stock could be allocated; {waiting} unit(s) still wait for stock.");

    // Picking, packing, shipping, invoicing.
    public static Error PickAlreadyConfirmed() => new(IllegalTransitionCode, "The pick was already confirmed.");

    public static Error PackageCountInvalid(int max) => new(ShipmentDetailsInvalidCode, $"A pack has 1 to {max} packages.", "packageCount");

    /// <summary>What is wrong with a shipment's carrier and tracking number: each 1 to its limit of readable characters.</summary>
    public static IReadOnlyList<Error> CheckShipmentDetails(string? carrier, int carrierMaxLength, string? trackingNumber, int trackingNumberMaxLength) =>
        [.. new[] { ShipmentDetail(carrier, "carrier", carrierMaxLength, "carrier"), ShipmentDetail(trackingNumber, "tracking number", trackingNumberMaxLength, "trackingNumber") }
            .OfType<Error>()];

    public static Error? CheckInvoiceNumber(string? invoiceNumber, int maxLength) =>
        string.IsNullOrWhiteSpace(invoiceNumber) || invoiceNumber.Length > maxLength
            ? new(InvoiceNumberInvalidCode, $"An invoice number of 1 to {maxLength} characters is required.", "invoiceNumber")
            : null;

    private static Error? ShipmentDetail(string? value, string what, int maxLength, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength
            ? new(ShipmentDetailsInvalidCode, $"A {what} of 1 to {maxLength} characters is required.", field)
            : TextRules.Check(value, field);

    public static Error ShipmentNotPicked(int number) => EntryCriteriaNotMet(OrderStatus.Shipped, $"shipment {number} was not picked in full.");

    public static Error ShipmentRequired(int openCount) =>
        new(ShipmentRequiredCode, $"The order has {openCount} open shipments; name the one that leaves.", "shipmentId");

    public static Error ShipmentNotFound(Guid shipmentId) => new(ShipmentNotFoundCode, $"The order has no shipment {shipmentId}.", "shipmentId");

    public static Error ShipmentNotOpen(int number, ShipmentStatus status) => new(ShipmentNotOpenCode, $"Shipment {number} is {status}.", "shipmentId");

    // Short picks.
    public static Error LineNotFound(int lineNumber) => new(LineNotFoundCode, $"The order has no line {lineNumber}.", "lineNumber");

    public static Error ShortPickWithoutUnits() => new(ShortPickInvalidCode, "A short pick is at least one missing unit.", "missingQuantity");

    public static Error ShortPickBeyondShipment(int shipmentNumber, int held, int lineNumber, int missing) =>
        new(ShortPickInvalidCode, $"Shipment {shipmentNumber} holds {held} unit(s) of line {lineNumber}; {missing} cannot be missing.", "missingQuantity");

    public static Error NoOpenShipmentHoldsLine(int lineNumber, Guid? shipmentId) =>
        new(ShipmentNotFoundCode,
            shipmentId is null ? $"No open shipment holds line {lineNumber}." : $"Open shipment {shipmentId} does not hold line {lineNumber}.",
            "shipmentId");

    public static Error ShortPickShipmentRequired(int lineNumber, int openCount) =>
        new(ShipmentRequiredCode, $"Line {lineNumber} is in {openCount} open shipments; name the one short-picked.", "shipmentId");

    // Holds.
    public static Error NotHoldable(OrderStatus status) => new(IllegalTransitionCode, $"A {status} order cannot be put on hold.");

    public static Error CarrierCapacityExhausted(string exhausted) =>
        new(CarrierCapacityExhaustedCode, $"The order still waits for carrier capacity: {exhausted}.");

    public static Error HoldAlreadyOpen(HoldType type) => new(HoldAlreadyOpenCode, $"The order already has an open {type} hold.", "type");

    public static Error HoldNotFound(Guid holdId) => new(HoldNotFoundCode, $"The order has no hold {holdId}.", "holdId");

    public static Error HoldAlreadyReleased(Guid holdId, string? releasedBy) =>
        new(HoldAlreadyReleasedCode, $"Hold {holdId} was already released by {releasedBy}.", "holdId");

    public static Error SelfApproval(bool captured = false) => new(SelfApprovalCode,
        captured ? "A second person must release this hold on an order you captured (four eyes)." : "A second person must release a hold you placed (four eyes).",
        "holdId");

    /// <summary>A reason or resolution as the timeline keeps it: trimmed, within its limit, and text a person can read.</summary>
    public static Result<string> CheckReason(string? reason, string field)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > ReasonMaxLength)
            return ReasonRequired(field);
        return TextRules.Check(trimmed, field, TextLayout.MultiLine) is { } refused ? refused : trimmed;
    }

    // Amendments.
    public static Error AmendmentUnchanged(string field, string what) =>
        new(AmendmentUnchangedCode, $"The order's {what} is already this; nothing to amend.", field);

    public static Error PriorityInvalid() => new(CommonErrors.ValidationFailed, "A priority is one of LOW, NORMAL, HIGH, URGENT.", "priority");

    // Customer and address parts.
    public static Error CountryInvalid() => new(AddressInvalid, "A country is a two-letter ISO 3166 code such as DE.", "shipTo.country");

    public static Error CustomerPartInvalid(string message, string field) => new(CustomerInvalid, message, field);
}
