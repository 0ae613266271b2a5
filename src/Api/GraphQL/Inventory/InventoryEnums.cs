using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Inventory;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

public sealed class StockBucketType() : DescribedEnumType<StockBucket>("StockBucket",
    "The disjoint buckets of a balance; every unit is in exactly one.",
    new Dictionary<StockBucket, string>
    {
        [StockBucket.Available] = "On hand and free to promise.",
        [StockBucket.Reserved] = "Committed to orders.",
        [StockBucket.QualityHold] = "On hand but held for inspection.",
        [StockBucket.Damaged] = "On hand and not sellable.",
        [StockBucket.ReturnsAwaitingInspection] = "Returned by customers, not yet inspected.",
        [StockBucket.InTransit] = "Shipped by a transfer from another location, counted at the destination.",
        [StockBucket.Inbound] = "Confirmed by a supplier on a purchase order, not yet received.",
    });

public sealed class PurchaseOrderStatusType() : DescribedEnumType<PurchaseOrderStatus>("PurchaseOrderStatus",
    "Where a purchase order stands.",
    new Dictionary<PurchaseOrderStatus, string>
    {
        [PurchaseOrderStatus.Draft] = "Created; nothing is Inbound until it is confirmed.",
        [PurchaseOrderStatus.Confirmed] = "The supplier confirmed it; its lines are Inbound with their ETAs.",
        [PurchaseOrderStatus.PartiallyReceived] = "Some lines are still expected.",
        [PurchaseOrderStatus.Received] = "Every line is complete within the receipt tolerance.",
        [PurchaseOrderStatus.Cancelled] = "Cancelled before anything was received.",
    });

public sealed class TransferStatusType() : DescribedEnumType<TransferStatus>("TransferStatus",
    "Where a transfer stands.",
    new Dictionary<TransferStatus, string>
    {
        [TransferStatus.InTransit] = "Shipped from the source; InTransit at the destination.",
        [TransferStatus.Received] = "Received at the destination; any shortfall written off as a discrepancy.",
    });

public sealed class AdjustmentStatusType() : DescribedEnumType<AdjustmentStatus>("AdjustmentStatus",
    "Where a stock adjustment stands.",
    new Dictionary<AdjustmentStatus, string>
    {
        [AdjustmentStatus.PendingApproval] = "Above the approval threshold, on its own or with the adjustments of the SKU at the location within the "
            + "approval period: no stock changed until a second person approves it.",
        [AdjustmentStatus.Applied] = "The stock changed.",
        [AdjustmentStatus.Rejected] = "A second person refused it: no stock changed.",
    });

/// <summary>Every reason a ledger entry can carry; the enum's values are the ledger's codes themselves.</summary>
public sealed class LedgerReasonType : EnumerationGraphType
{
    /// <summary>What each code means, for this enum and <see cref="AdjustmentReasonType"/>.</summary>
    internal static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ReasonCodes.PurchaseOrderConfirmed] = "A supplier confirmed a purchase order: its units became Inbound.",
        [ReasonCodes.PurchaseOrderCancelled] = "A purchase order was cancelled: its Inbound units left the ledger.",
        [ReasonCodes.PurchaseOrderReceived] = "Goods arrived against a purchase order: Inbound became Available or QualityHold.",
        [ReasonCodes.PurchaseOrderOverReceived] = "More arrived than the line still expected, within the over-receipt tolerance.",
        [ReasonCodes.PurchaseOrderShortClosed] = "A line complete within the under-receipt tolerance closed what was still Inbound.",
        [ReasonCodes.TransferShipped] = "A transfer left its source: Available there, InTransit at the destination.",
        [ReasonCodes.TransferReceived] = "A transfer arrived: InTransit became Available at the destination.",
        [ReasonCodes.TransferDiscrepancy] = "Units shipped on a transfer that did not arrive, written off at receipt.",
        [ReasonCodes.QualityHoldPlaced] = "Units were put on quality hold.",
        [ReasonCodes.QualityHoldReleased] = "Units were released from quality hold.",
        [ReasonCodes.DamageRecorded] = "Units were recorded as damaged.",
        [ReasonCodes.ReturnInspected] = "A returned unit was inspected and dispositioned.",
        [ReasonCodes.ReturnReceived] = "Units of a return arrived: they wait in ReturnsAwaitingInspection.",
        [ReasonCodes.ReturnRestocked] = "Inspected returned units were restocked: ReturnsAwaitingInspection became Available.",
        [ReasonCodes.ReturnRefurbished] = "Inspected returned units need refurbishing: ReturnsAwaitingInspection became QualityHold.",
        [ReasonCodes.ReturnDamaged] = "Inspected returned units were found damaged: ReturnsAwaitingInspection became Damaged.",
        [ReasonCodes.ReturnWrittenOff] = "Damaged returned units were written off: they left the ledger.",
        [ReasonCodes.ReturnToVendor] = "Returned units were sent back to their supplier: they left the ledger.",
        [ReasonCodes.Reservation] = "Units were reserved for an order.",
        [ReasonCodes.ReservationReleased] = "An order's reservation was released.",
        [ReasonCodes.Shipment] = "Reserved units left with an order's shipment.",
        [ReasonCodes.ShortPick] = "Reserved units were not found at picking.",
        [ReasonCodes.Found] = "Units found that the ledger did not hold.",
        [ReasonCodes.Lost] = "Units that cannot be found.",
        [ReasonCodes.Theft] = "Units stolen.",
        [ReasonCodes.WrittenOffDamaged] = "Units written off as damaged beyond sale.",
        [ReasonCodes.CountCorrection] = "A correction after a count.",
        [ReasonCodes.DataEntryCorrection] = "A correction of an earlier booking mistake.",
        [ReasonCodes.OpeningBalance] = "Stock on hand when the location started using the ledger.",
    };

    public LedgerReasonType()
    {
        Name = "LedgerReason";
        Description = "Why a ledger entry moved stock: posted by the flows themselves, or chosen by a person for an adjustment (AdjustmentReason).";
        // A code added to the catalog without a description here fails the schema's description test, not the host.
        foreach (var code in ReasonCodes.All)
            Add(code, code, Descriptions.GetValueOrDefault(code));
    }
}

/// <summary>The reason codes a person may choose for an adjustment; the enum's values are the ledger's codes themselves.</summary>
public sealed class AdjustmentReasonType : EnumerationGraphType
{
    public AdjustmentReasonType()
    {
        Name = "AdjustmentReason";
        Description = "Why an adjustment changes stock; the ledger entry carries it as its reason code.";
        // A code added to the catalog without a description here fails the schema's description test, not the host.
        foreach (var code in ReasonCodes.ForAdjustment)
            Add(code, code, LedgerReasonType.Descriptions.GetValueOrDefault(code));
    }
}
