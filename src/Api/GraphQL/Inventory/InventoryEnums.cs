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
        [AdjustmentStatus.PendingApproval] = "Above the approval threshold: no stock changed until a second person approves it.",
        [AdjustmentStatus.Applied] = "The stock changed.",
    });

/// <summary>The reason codes a person may choose for an adjustment; the enum's values are the ledger's codes themselves.</summary>
public sealed class AdjustmentReasonType : EnumerationGraphType
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ReasonCodes.Found] = "Units found that the ledger did not hold.",
        [ReasonCodes.Lost] = "Units that cannot be found.",
        [ReasonCodes.Theft] = "Units stolen.",
        [ReasonCodes.WrittenOffDamaged] = "Units written off as damaged beyond sale.",
        [ReasonCodes.CountCorrection] = "A correction after a count.",
        [ReasonCodes.DataEntryCorrection] = "A correction of an earlier booking mistake.",
        [ReasonCodes.OpeningBalance] = "Stock on hand when the location started using the ledger.",
    };

    public AdjustmentReasonType()
    {
        Name = "AdjustmentReason";
        Description = "Why an adjustment changes stock; the ledger entry carries it as its reason code.";
        // A code added to the catalog without a description here fails the schema's description test, not the host.
        foreach (var code in ReasonCodes.ForAdjustment)
            Add(code, code, Descriptions.GetValueOrDefault(code));
    }
}
