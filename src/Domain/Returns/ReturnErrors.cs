using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Returns;

/// <summary>Every expected failure of the returns workflow, by code.</summary>
public static class ReturnErrors
{
    [ErrorDescription("No return has this id among the returns the caller may see.")]
    public const string NotFoundCode = "RETURN_NOT_FOUND";
    [ErrorDescription("The return's status does not allow this step, for example refunding a return that was never inspected.")]
    public const string IllegalTransitionCode = "RETURN_ILLEGAL_TRANSITION";
    [ErrorDescription("The caller lacks the role that owns this step of the returns workflow.")]
    public const string ActorNotPermittedCode = "RETURN_ACTOR_NOT_PERMITTED";
    [ErrorDescription("A return request names no line, or more lines than allowed.")]
    public const string LinesInvalidCode = "RETURN_LINES_INVALID";
    [ErrorDescription("A return names an order line the order does not have, or names one line twice.")]
    public const string LineNotFoundCode = "RETURN_LINE_NOT_FOUND";
    [ErrorDescription("A return asks for a line of which no unit has shipped yet.")]
    public const string LineNotShippedCode = "RETURN_LINE_NOT_SHIPPED";
    [ErrorDescription("A return line names no sku, but its shipped units left as more than one SKU (the ordered one and a substitute): name the sku that comes back.")]
    public const string LineShippedAsSeveralSkusCode = "RETURN_LINE_SHIPPED_AS_SEVERAL_SKUS";
    [ErrorDescription("A return line names a sku its order line did not ship as (neither the SKU ordered nor a substitute sent for it).")]
    public const string SkuNotShippedCode = "RETURN_SKU_NOT_SHIPPED";
    [ErrorDescription("A return asks for more units than shipped less those already on other live returns, of the line or of the SKU it names.")]
    public const string QuantityExceedsShippedCode = "RETURN_QUANTITY_EXCEEDS_SHIPPED";
    [ErrorDescription("A quantity is missing, zero or out of range.")]
    public const string QuantityInvalidCode = "RETURN_QUANTITY_INVALID";
    [ErrorDescription("The channel's return window after the line's shipment has passed.")]
    public const string WindowClosedCode = "RETURN_WINDOW_CLOSED";
    [ErrorDescription("A return reason is missing or not in the catalog of return reasons.")]
    public const string ReasonUnknownCode = "RETURN_REASON_UNKNOWN";
    [ErrorDescription("The channel's return policy does not accept this reason.")]
    public const string ReasonNotAcceptedCode = "RETURN_REASON_NOT_ACCEPTED";
    [ErrorDescription("A comment or reason text is too long or unreadable, or a required one is missing.")]
    public const string TextInvalidCode = "RETURN_TEXT_INVALID";
    [ErrorDescription("An exchange names an unknown or inactive SKU, or more units than the line returns.")]
    public const string ExchangeInvalidCode = "RETURN_EXCHANGE_INVALID";
    [ErrorDescription("An exchange's replacement is not of the returned unit's value: it is neither the SKU coming back or ordered, nor another size or colour of the same style at the same list price, nor listed at the price the unit was sold at (in the order's currency). A dearer or cheaper item is a return for a refund and an order of its own.")]
    public const string ExchangeNotEvenCode = "RETURN_EXCHANGE_NOT_EVEN";
    [ErrorDescription("The person who requested the return (or asked for the write-off) may not approve it too, nor may a key they issued or the person who issued their key (four eyes).")]
    public const string SelfApprovalCode = "RETURN_SELF_APPROVAL";
    [ErrorDescription("A receipt id was used before for this return with other content (location, lines or quantities).")]
    public const string ReceiptConflictCode = "RETURN_RECEIPT_CONFLICT";
    [ErrorDescription("More units would be received, closed as missing, graded or dispositioned than the return line has for that step.")]
    public const string QuantityExceedsOutstandingCode = "RETURN_QUANTITY_EXCEEDS_OUTSTANDING";
    [ErrorDescription("A receipt names an unknown or inactive location, or another location than the return's earlier receipts.")]
    public const string LocationMismatchCode = "RETURN_LOCATION_MISMATCH";
    [ErrorDescription("A disposition takes units whose inspection grade does not allow it (only resellable units are restocked; damaged ones are not refurbished).")]
    public const string GradeNotAllowedCode = "RETURN_GRADE_NOT_ALLOWED";
    [ErrorDescription("A return to vendor names no supplier, an unknown one or an inactive one.")]
    public const string SupplierInvalidCode = "RETURN_SUPPLIER_INVALID";
    [ErrorDescription("The return has no write-off waiting for approval.")]
    public const string NoWriteOffPendingCode = "RETURN_NO_WRITE_OFF_PENDING";
    [ErrorDescription("The return cannot be closed while a write-off waits for approval.")]
    public const string WriteOffPendingCode = "RETURN_WRITE_OFF_PENDING";
    [ErrorDescription("A credit note number is missing or too long.")]
    public const string CreditNoteNumberInvalidCode = "RETURN_CREDIT_NOTE_NUMBER_INVALID";
    [ErrorDescription("An exchange return cannot be cancelled once its replacement order has shipped: the customer holds the replacement, so the return stays open for the units to come back.")]
    public const string ReplacementShippedCode = "RETURN_REPLACEMENT_SHIPPED";

    public const int MaxLines = 200;
    public const int CommentMaxLength = 500;

    public static Error NotFound(Guid id) => new(NotFoundCode, $"Return {id} does not exist.", "returnId");

    public static Error IllegalTransition(ReturnStep step, ReturnStatus status) =>
        new(IllegalTransitionCode, $"A return in {status} cannot take the {step} step.");

    public static Error ActorNotPermitted(Actor actor, string role, string step) =>
        new(ActorNotPermittedCode, $"{actor.Name} may not {step}: it needs {actor.Lacks(role)}.");

    /// <summary>The requester of the return (or of its write-off) deciding it too, or a key or person who counts as them (four eyes).</summary>
    public static Error SelfApproval(string rmaNumber, bool writeOff) => new(SelfApprovalCode, writeOff
        ? $"A second person must approve the write-off you asked for on return {rmaNumber} (four eyes)."
        : $"A second person must authorise return {rmaNumber}, which you requested (four eyes).");

    public static Error QuantityInvalid(string field) => new(QuantityInvalidCode, $"A quantity is 1 to {Quantity.Max}.", field);

    public static Error ExceedsOutstanding(int lineNumber, string step, int asked, int open, string field) =>
        new(QuantityExceedsOutstandingCode, $"Line {lineNumber} has {open} unit(s) left to {step}, not {asked}.", field);

    public static Error ReplacementShipped(string externalOrderId, OrderStatus status) =>
        new(ReplacementShippedCode, $"The replacement order {externalOrderId} is {status}: the customer holds the exchange, so the return stays open for its units to come back.");

    public static Error LineNotOnReturn(int lineNumber, string field) =>
        new(LineNotFoundCode, $"The return has no order line {lineNumber}.", field);
}
