using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>
/// One order line on a return and how far its units got: received or missing, graded, dispositioned. Every count only grows,
/// and each step takes at most what the step before left open.
/// </summary>
public sealed class ReturnLine
{
    private ReturnLine() { }

    internal ReturnLine(ReturnLineDraft draft, SkuCode sku, long unitPriceMinor, ReturnReason reason, SkuCode? exchangeSku) =>
        (OrderLineNumber, Sku, Quantity, UnitPriceMinor, ReasonCode, Fault, Comment, ExchangeSku, ExchangeQuantity) =
        (draft.OrderLineNumber, sku, draft.Quantity, unitPriceMinor, reason.Code, reason.Fault, string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment.Trim(),
            exchangeSku, exchangeSku is null ? 0 : draft.ExchangeQuantity);

    public int OrderLineNumber { get; private set; }
    public SkuCode Sku { get; private set; }
    public int Quantity { get; private set; }

    /// <summary>The order's unit price in minor units of the return's currency.</summary>
    public long UnitPriceMinor { get; private set; }
    public string ReasonCode { get; private set; } = "";
    public ReturnFault Fault { get; private set; }
    public string? Comment { get; private set; }
    public SkuCode? ExchangeSku { get; private set; }
    public int ExchangeQuantity { get; private set; }

    public int ReceivedQuantity { get; private set; }
    public int MissingQuantity { get; private set; }
    public int GradedResellable { get; private set; }
    public int GradedRefurbishable { get; private set; }
    public int GradedDamaged { get; private set; }
    public int Restocked { get; private set; }
    public int Refurbished { get; private set; }
    public int Scrapped { get; private set; }
    public int ReturnedToVendor { get; private set; }

    /// <summary>Scrapped units still in Damaged, waiting for a second person to approve their write-off.</summary>
    public int WriteOffPending { get; private set; }

    public int ExpectedQuantity => Quantity - ReceivedQuantity - MissingQuantity;
    public int Graded => GradedResellable + GradedRefurbishable + GradedDamaged;
    public int UngradedQuantity => ReceivedQuantity - Graded;
    public int Dispositioned => Restocked + Refurbished + Scrapped + ReturnedToVendor;
    public int UndispositionedQuantity => Graded - Dispositioned;

    /// <summary>Received units that are not exchanged: missing units are never refunded, exchanged ones are replaced instead.</summary>
    public int RefundableQuantity => Math.Max(0, ReceivedQuantity - ExchangeQuantity);

    /// <summary>
    /// Exchanged units that can no longer come back: the units closed as missing leave fewer to arrive than the exchange replaced
    /// (received units count against the exchange first, as the refund counts them). The customer holds their replacement.
    /// </summary>
    public int UnreturnedExchangeQuantity => Math.Max(0, ExchangeQuantity - (Quantity - MissingQuantity));

    public ReturnLineSnapshot ToSnapshot() =>
        new(OrderLineNumber, Sku.Value, Quantity, UnitPriceMinor, ReasonCode, Comment, ExchangeSku?.Value, ExchangeQuantity);

    internal void Receive(int quantity) => ReceivedQuantity += quantity;

    internal void CloseMissing(int quantity) => MissingQuantity += quantity;

    internal void Grade(IReadOnlyList<InspectionGrade> grades)
    {
        GradedResellable += grades.Count(g => g == InspectionGrade.Resellable);
        GradedRefurbishable += grades.Count(g => g == InspectionGrade.Refurbishable);
        GradedDamaged += grades.Count(g => g == InspectionGrade.Damaged);
    }

    /// <summary>
    /// Why <paramref name="quantity"/> units may not take <paramref name="disposition"/>, or null: a unit goes where its grade lets it —
    /// restock takes resellable units, refurbish refurbishable ones, scrap and return to vendor the refurbishable and damaged ones.
    /// </summary>
    internal Error? CheckDisposition(ReturnDisposition disposition, int quantity, string field)
    {
        if (quantity > UndispositionedQuantity)
            return ReturnErrors.ExceedsOutstanding(OrderLineNumber, "disposition", quantity, UndispositionedQuantity, field);
        var (allowed, grades) = disposition switch
        {
            ReturnDisposition.Restock => (GradedResellable - Restocked, "resellable"),
            ReturnDisposition.Refurbish => (Math.Min(GradedRefurbishable - Refurbished, NotResellableLeft), "refurbishable"),
            _ => (NotResellableLeft, "refurbishable or damaged"),
        };
        return quantity > allowed
            ? new Error(ReturnErrors.GradeNotAllowedCode, $"Line {OrderLineNumber} has {allowed} {grades} unit(s) left for {disposition}, not {quantity}.", field)
            : null;
    }

    private int NotResellableLeft => GradedRefurbishable + GradedDamaged - Refurbished - Scrapped - ReturnedToVendor;

    internal void Disposition(ReturnDisposition disposition, int quantity, bool writeOffWaits)
    {
        switch (disposition)
        {
            case ReturnDisposition.Restock: Restocked += quantity; break;
            case ReturnDisposition.Refurbish: Refurbished += quantity; break;
            case ReturnDisposition.ReturnToVendor: ReturnedToVendor += quantity; break;
            default:
                Scrapped += quantity;
                WriteOffPending += writeOffWaits ? quantity : 0;
                break;
        }
    }

    internal int TakePendingWriteOff()
    {
        var pending = WriteOffPending;
        WriteOffPending = 0;
        return pending;
    }
}
