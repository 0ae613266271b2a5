using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Api.GraphQL.Exceptions;

public sealed class ExceptionTypeType() : DescribedEnumType<ExceptionType>("ExceptionType",
    "What kind of decision a case waits for; each type lands in the queue of its owner role.",
    new Dictionary<ExceptionType, string>
    {
        [ExceptionType.FraudReview] = "An order's fraud score reached the threshold (queue OPERATIONS_MANAGER).",
        [ExceptionType.AddressValidation] = "An order's ship-to failed the address rules (queue CUSTOMER_SERVICE).",
        [ExceptionType.InventoryShortfall] = "An order cannot be allocated as its channel allows (queue PLANNER).",
        [ExceptionType.CarrierCapacity] = "A location's daily carrier capacity is exhausted (queue WAREHOUSE_MANAGER).",
        [ExceptionType.HighValueApproval] = "An order's value reached the approval threshold (queue FINANCE).",
        [ExceptionType.CreditCheck] = "A wholesale order exceeds the customer's credit limit (queue FINANCE).",
        [ExceptionType.ShortPick] = "A picker found fewer units than reserved (queue WAREHOUSE_MANAGER).",
        [ExceptionType.AdjustmentApproval] = "A stock adjustment waits for its second approval (queue OPERATIONS_MANAGER).",
        [ExceptionType.IntegrationFailure] = "A consumer of the event log parked an event it could not process (queue ADMIN).",
        [ExceptionType.ManualHold] = "A person put an order on hold (queue OPERATIONS_MANAGER).",
        [ExceptionType.PolicyApproval] = "A change of a threshold that guards money waits for a second administrator (queue ADMIN); approving makes it effective, rejecting discards it.",
        [ExceptionType.ReturnApproval] = "A return at or above its channel's auto-authorise value waits for a second person (queue OPERATIONS_MANAGER); approving authorises it, rejecting rejects it.",
        [ExceptionType.AbnormalReturns] = "A SKU's or a customer's return rate in the recent window exceeds its baseline by the policy's factor (queue OPERATIONS_MANAGER); the reason gives the figures.",
        [ExceptionType.ExchangeNotReturned] = "Units an exchange replaced were closed as missing on their return, so the customer holds replacements nobody paid for (queue FINANCE); the reason gives the units, their value and the replacement order. Approving records the value recovered or the replacement stopped, rejecting records it written off; neither changes anything else.",
    });

public sealed class ExceptionCaseStatusType() : DescribedEnumType<ExceptionCaseStatus>("ExceptionCaseStatus",
    "OPEN, then ASSIGNED, then RESOLVED or DISMISSED. Escalation is a level of an open case, not a status.",
    new Dictionary<ExceptionCaseStatus, string>
    {
        [ExceptionCaseStatus.Open] = "Raised and nobody's yet.",
        [ExceptionCaseStatus.Assigned] = "Given to a person.",
        [ExceptionCaseStatus.Resolved] = "Decided: approved, rejected, or closed where it arose.",
        [ExceptionCaseStatus.Dismissed] = "Closed without a decision on its subject (raised in error); its hold was released.",
    });

public sealed class ExceptionSubjectKindType() : DescribedEnumType<ExceptionSubjectKind>("ExceptionSubjectKind",
    "What a case is about.",
    new Dictionary<ExceptionSubjectKind, string>
    {
        [ExceptionSubjectKind.Order] = "A whole order.",
        [ExceptionSubjectKind.OrderLine] = "One line of an order (lineNumber).",
        [ExceptionSubjectKind.Shipment] = "One shipment of an order (shipmentId).",
        [ExceptionSubjectKind.StockAdjustment] = "A stock adjustment.",
        [ExceptionSubjectKind.PurchaseOrder] = "A purchase order.",
        [ExceptionSubjectKind.Policy] = "A pending policy change (its id is the change's; see policyHistory).",
        [ExceptionSubjectKind.Return] = "A return (its id is the return's; see return(id)).",
        [ExceptionSubjectKind.Sku] = "A SKU (its id is derived from the SKU code, which the case's reason names).",
        [ExceptionSubjectKind.Customer] = "A customer (its id is derived from the customer's e-mail, which only the admin shows; the API never names it on a case).",
        [ExceptionSubjectKind.OutboxEvent] = "An event of the event log a consumer parked (its id is the event's).",
    });

public sealed class ExceptionResolutionType() : DescribedEnumType<ExceptionResolution>("ExceptionResolution",
    "How a resolved case ended. A person chooses APPROVED or REJECTED; CLOSED_AT_SOURCE is recorded by EcomErp only "
    + "(sending it is EXCEPTION_CASE_RESOLUTION_INVALID).",
    new Dictionary<ExceptionResolution, string>
    {
        [ExceptionResolution.Approved] = "Approved, acting on the case's subject: an order's hold is released and the order moves on by itself "
            + "(an approved carrier-capacity case also releases the order over capacity; an address case may carry the corrected ship-to); "
            + "a stock adjustment is applied; a pending policy change takes effect; a return waiting for approval (RETURN_APPROVAL) is "
            + "authorised by the decider; an ABNORMAL_RETURNS flag is confirmed, and an EXCHANGE_NOT_RETURNED case records the value "
            + "recovered or the replacement stopped, changing nothing else.",
        [ExceptionResolution.Rejected] = "Rejected, acting on the case's subject: an order is cancelled with the note as its reason (never for "
            + "carrier capacity); a stock adjustment is refused; a pending policy change is discarded; a return waiting for approval "
            + "(RETURN_APPROVAL) is rejected by the decider with the note; an ABNORMAL_RETURNS flag is dismissed, and an "
            + "EXCHANGE_NOT_RETURNED case records the value written off, changing nothing else.",
        [ExceptionResolution.ClosedAtSource] = "Settled outside the case, which only records it: the order's hold was released or the order "
            + "cancelled, or the return waiting for approval was authorised, rejected or cancelled on the return itself.",
    });

public sealed class PriorityFactorKindType() : DescribedEnumType<PriorityFactorKind>("PriorityFactorKind",
    "What a priority factor weighs.",
    new Dictionary<PriorityFactorKind, string>
    {
        [PriorityFactorKind.OrderValue] = "The order's value: 1 point per full 100 of its currency, at most 30.",
        [PriorityFactorKind.SlaTimeLeft] = "Time left before the SLA is breached (overdue 40, up to 1 h 30, up to 4 h 20, up to 24 h 10), as of the last escalation run.",
        [PriorityFactorKind.ServiceLevel] = "The delivery speed the customer chose (next day 15, express 10).",
        [PriorityFactorKind.Channel] = "The kind of channel (marketplace 10, wholesale 5).",
        [PriorityFactorKind.OrderPriority] = "The order's own priority (urgent 15, high 10), standing in for a customer tier.",
    });

public sealed class ExceptionCaseActionType() : DescribedEnumType<ExceptionCaseAction>("ExceptionCaseAction",
    "What happened to a case.",
    new Dictionary<ExceptionCaseAction, string>
    {
        [ExceptionCaseAction.Raised] = "The case was raised.",
        [ExceptionCaseAction.Assigned] = "The case was given to a person, or handed on.",
        [ExceptionCaseAction.Escalated] = "The case climbed a rung of its escalation ladder.",
        [ExceptionCaseAction.Resolved] = "The case was decided.",
        [ExceptionCaseAction.Dismissed] = "The case was dismissed.",
    });

public sealed class ExceptionCaseSortFieldType() : DescribedEnumType<ExceptionCaseSortField>("ExceptionCaseSortField",
    "Fields a case list can be sorted by.",
    new Dictionary<ExceptionCaseSortField, string>
    {
        [ExceptionCaseSortField.DueAt] = "When the case's SLA runs out.",
        [ExceptionCaseSortField.Priority] = "The case's priority score.",
        [ExceptionCaseSortField.RaisedAt] = "When the case's SLA clock started (see ExceptionCase.raisedAt).",
    });
