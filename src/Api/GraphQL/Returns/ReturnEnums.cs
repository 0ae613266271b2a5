using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Api.GraphQL.Returns;

public sealed class ReturnStatusType() : DescribedEnumType<ReturnStatus>("ReturnStatus",
    "The governed states of a return: REQUESTED, AUTHORIZED (or REJECTED), IN_TRANSIT (optional), RECEIVED, INSPECTED, DISPOSITIONED, REFUNDED, CLOSED; or CANCELLED before any unit arrived.",
    new Dictionary<ReturnStatus, string>
    {
        [ReturnStatus.Requested] = "Asked for; waiting for a second person's authorisation at or above the channel's auto-authorise value.",
        [ReturnStatus.Authorized] = "The customer may send the units back.",
        [ReturnStatus.Rejected] = "Refused, with a reason.",
        [ReturnStatus.InTransit] = "The carrier has the parcel.",
        [ReturnStatus.Received] = "Units arrived (some or all); the rest are still expected or closed as missing.",
        [ReturnStatus.Inspected] = "Every unit is received or closed as missing, and every received unit is graded.",
        [ReturnStatus.Dispositioned] = "Every graded unit went where its disposition sent it.",
        [ReturnStatus.Refunded] = "Refunded under a credit note.",
        [ReturnStatus.Closed] = "Closed by finance or customer service after the refund, or by the warehouse closing every unit as missing before any came.",
        [ReturnStatus.Cancelled] = "Withdrawn before any unit arrived.",
    });

public sealed class ReturnFaultType() : DescribedEnumType<ReturnFault>("ReturnFault",
    "Whose fault a line's return is, from its reason code: it decides the fees.",
    new Dictionary<ReturnFault, string>
    {
        [ReturnFault.Customer] = "The customer changed their mind or chose wrongly: fees apply.",
        [ReturnFault.Seller] = "The seller sent something wrong or faulty: no restocking fee, and the seller pays the return shipping.",
    });

public sealed class ReturnRequesterType() : DescribedEnumType<ReturnRequester>("ReturnRequester",
    "Who asked for a return.",
    new Dictionary<ReturnRequester, string>
    {
        [ReturnRequester.CustomerService] = "A person (customer service in the admin).",
        [ReturnRequester.PartnerChannel] = "A partner's API key limited to its channels.",
        [ReturnRequester.ChannelApi] = "The business's own channel front end through an unrestricted API key.",
    });

public sealed class InspectionGradeType() : DescribedEnumType<InspectionGrade>("InspectionGrade",
    "What inspection found one returned unit to be.",
    new Dictionary<InspectionGrade, string>
    {
        [InspectionGrade.Resellable] = "As new: it may go back on the shelf.",
        [InspectionGrade.Refurbishable] = "Needs work before it can be sold again.",
        [InspectionGrade.Damaged] = "Cannot be sold again.",
    });

public sealed class ReturnDispositionType() : DescribedEnumType<ReturnDisposition>("ReturnDisposition",
    "Where inspected units go; every move is in the ledger with the reference RMA:<rma number>.",
    new Dictionary<ReturnDisposition, string>
    {
        [ReturnDisposition.Restock] = "Back to Available (RETURN_RESTOCKED); resellable units only.",
        [ReturnDisposition.Refurbish] = "To QualityHold (RETURN_REFURBISHED), released to Available later like any quality hold.",
        [ReturnDisposition.Scrap] = "To Damaged (RETURN_DAMAGED), then written off (RETURN_WRITTEN_OFF); above the channel's threshold after a second person's approval.",
        [ReturnDisposition.ReturnToVendor] = "Out of the ledger to an active supplier (RETURN_TO_VENDOR).",
    });
