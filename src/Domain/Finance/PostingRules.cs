using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Returns;

namespace EcomErp.Domain.Finance;

/// <summary>
/// How facts become journal entries: pure functions of the fact and, for stock, the SKU's unit cost. Stock is valued in every
/// bucket but <see cref="StockBucket.Inbound"/> (confirmed by a supplier, not yet ours), so a ledger move posts only when it
/// crosses that line: units into a valued bucket debit Inventory, units out of one credit it, the other side by the move's
/// reason (<see cref="CounterAccounts"/>). Moves between valued buckets post nothing.
/// </summary>
public static class PostingRules
{
    public const string StockMove = "stock-move";
    public const string Invoice = "invoice";
    public const string CreditNote = "credit-note";
    public const string CostRevaluation = "cost-revaluation";
    public const string JournalOpening = "journal-opening";

    /// <summary>The account opposite Inventory, per reason, for a move into or out of the valued buckets.</summary>
    public static IReadOnlyDictionary<string, string> CounterAccounts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReasonCodes.PurchaseOrderReceived] = ChartOfAccounts.GoodsReceivedNotInvoiced,
        [ReasonCodes.PurchaseOrderOverReceived] = ChartOfAccounts.GoodsReceivedNotInvoiced,
        [ReasonCodes.OpeningBalance] = ChartOfAccounts.OpeningBalanceEquity,
        [ReasonCodes.Found] = ChartOfAccounts.InventoryAdjustments,
        [ReasonCodes.Lost] = ChartOfAccounts.InventoryAdjustments,
        [ReasonCodes.Theft] = ChartOfAccounts.InventoryAdjustments,
        [ReasonCodes.CountCorrection] = ChartOfAccounts.InventoryAdjustments,
        [ReasonCodes.DataEntryCorrection] = ChartOfAccounts.InventoryAdjustments,
        [ReasonCodes.ShortPick] = ChartOfAccounts.InventoryAdjustments,
        [ReasonCodes.Shipment] = ChartOfAccounts.CostOfGoodsSold,
        // The sale's cost comes back with the units; their disposition then moves them between valued buckets or out.
        [ReasonCodes.ReturnReceived] = ChartOfAccounts.CostOfGoodsSold,
        [ReasonCodes.WrittenOffDamaged] = ChartOfAccounts.InventoryWriteOff,
        [ReasonCodes.ReturnWrittenOff] = ChartOfAccounts.InventoryWriteOff,
        [ReasonCodes.TransferDiscrepancy] = ChartOfAccounts.InventoryWriteOff,
        [ReasonCodes.ReturnToVendor] = ChartOfAccounts.SupplierReturnsReceivable,
        // A transfer leaves the source's ledger and enters the destination's (InTransit) in one save: the two meet here.
        [ReasonCodes.TransferShipped] = ChartOfAccounts.TransfersClearing,
    };

    /// <summary>Reasons whose moves stay on one side of the line (between valued buckets, or outside and Inbound): they never post.</summary>
    public static IReadOnlySet<string> NeverPosted { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ReasonCodes.PurchaseOrderConfirmed, ReasonCodes.PurchaseOrderCancelled, ReasonCodes.PurchaseOrderShortClosed,
        ReasonCodes.TransferReceived, ReasonCodes.QualityHoldPlaced, ReasonCodes.QualityHoldReleased, ReasonCodes.DamageRecorded,
        ReasonCodes.ReturnInspected, ReasonCodes.ReturnRestocked, ReasonCodes.ReturnRefurbished, ReasonCodes.ReturnDamaged,
        ReasonCodes.Reservation, ReasonCodes.ReservationReleased,
    };

    public static bool IsValued(StockBucket? bucket) => bucket is { } held && held != StockBucket.Inbound;

    /// <summary>The units of <paramref name="levels"/> the journal values.</summary>
    public static int ValuedUnits(StockLevels levels) => Enum.GetValues<StockBucket>().Where(b => IsValued(b)).Sum(b => levels[b]);

    /// <summary>True when a move changes the units in valued buckets, so it needs the SKU's cost and posts.</summary>
    public static bool Values(StockLedgerEvent move) => IsValued(move.From) != IsValued(move.To);

    /// <summary>The entry of a ledger move at <paramref name="unitCost"/>, or null when it posts nothing (no crossing, or no cost).</summary>
    public static JournalEntry? ForStockMove(StockLedgerEvent move, Money unitCost, JournalSource source)
    {
        if (!Values(move))
            return null;
        if (!CounterAccounts.TryGetValue(move.ReasonCode, out var counter))
            throw new InvalidOperationException($"Reason {move.ReasonCode} moved stock {move.From} -> {move.To} and has no posting rule.");
        var value = unitCost.Multiply(move.Quantity);
        if (value.MinorUnits == 0)
            return null;
        var (debit, credit) = IsValued(move.To) ? (ChartOfAccounts.Inventory, counter) : (counter, ChartOfAccounts.Inventory);
        return JournalEntry.Post(source, $"{move.ReasonCode} {move.Quantity} x {move.Sku} at {move.Location}",
            [
                JournalLine.Debit(debit, value, move.Sku, move.Location, move.Reference),
                JournalLine.Credit(credit, value, move.Sku, move.Location, move.Reference),
            ], move.OccurredAt);
    }

    /// <summary>An invoice: the receivable of its total against revenue per line.</summary>
    public static JournalEntry? ForInvoice(FinanceDocument invoice, JournalSource source)
    {
        var currency = Currency.Of(invoice.Currency);
        return PostIfAny(source, $"Invoice {invoice.Number}",
            [
                JournalLine.Debit(ChartOfAccounts.Receivables, new Money(invoice.TotalMinor, currency), reference: invoice.Number),
                .. invoice.Lines.Select(line => JournalLine.Credit(ChartOfAccounts.Revenue, new Money(line.AmountMinor, currency), line.Sku, reference: invoice.Number)),
            ], invoice.IssuedAt);
    }

    /// <summary>
    /// A credit note: sales returns per line against the refund payable and the fees kept. A refund never goes below zero,
    /// so when the fees exceed the lines only what the lines give back is earned as fees (restocking first).
    /// </summary>
    public static JournalEntry? ForCreditNote(FinanceDocument creditNote, JournalSource source)
    {
        var currency = Currency.Of(creditNote.Currency);
        var returned = creditNote.Lines.Sum(l => l.AmountMinor);
        var restocking = Math.Min(creditNote.RestockingFeeMinor, returned);
        var shipping = Math.Min(creditNote.ReturnShippingFeeMinor, returned - restocking);
        return PostIfAny(source, $"Credit note {creditNote.Number} ({creditNote.RmaNumber})",
            [
                .. creditNote.Lines.Select(line => JournalLine.Debit(ChartOfAccounts.SalesReturns, new Money(line.AmountMinor, currency), line.Sku, reference: creditNote.Number)),
                JournalLine.Credit(ChartOfAccounts.RefundsPayable, new Money(creditNote.TotalMinor, currency), reference: creditNote.Number),
                JournalLine.Credit(ChartOfAccounts.RestockingFeeIncome, new Money(restocking, currency), reference: creditNote.Number),
                JournalLine.Credit(ChartOfAccounts.ReturnShippingIncome, new Money(shipping, currency), reference: creditNote.Number),
            ], creditNote.IssuedAt);
    }

    /// <summary>The credit note and its entry of a refund, from the event alone.</summary>
    public static (FinanceDocument Document, JournalEntry? Entry) ForRefund(ReturnRefunded refunded, JournalSource source)
    {
        var document = FinanceDocument.CreditNote(refunded);
        return (document, ForCreditNote(document, source));
    }

    /// <summary>
    /// A SKU's unit cost changed from <paramref name="from"/> to <paramref name="to"/> while <paramref name="valuedUnits"/> were
    /// in valued buckets: the difference revalues them. Null when nothing changes in value.
    /// </summary>
    public static JournalEntry? ForCostChange(string sku, Money from, Money to, int valuedUnits, JournalSource source, DateTimeOffset at)
    {
        var difference = checked((to.MinorUnits - from.MinorUnits) * valuedUnits);
        if (difference == 0)
            return null;
        var value = new Money(Math.Abs(difference), to.Currency);
        var (debit, credit) = difference > 0
            ? (ChartOfAccounts.Inventory, ChartOfAccounts.InventoryRevaluation)
            : (ChartOfAccounts.InventoryRevaluation, ChartOfAccounts.Inventory);
        return JournalEntry.Post(source, $"Cost of {sku} from {from} to {to} on {valuedUnits} units",
            [JournalLine.Debit(debit, value, sku), JournalLine.Credit(credit, value, sku)], at);
    }

    /// <summary>Stock that was on the shelves before the journal existed enters it once, against opening balance equity.</summary>
    public static JournalEntry? ForJournalOpening(string sku, Money unitCost, int valuedUnits, JournalSource source, DateTimeOffset at)
    {
        var value = unitCost.Multiply(valuedUnits);
        return value.MinorUnits == 0
            ? null
            : JournalEntry.Post(source, $"Opening value of {valuedUnits} x {sku}",
                [JournalLine.Debit(ChartOfAccounts.Inventory, value, sku), JournalLine.Credit(ChartOfAccounts.OpeningBalanceEquity, value, sku)], at);
    }

    /// <summary>A fact worth nothing (a free order, a zero refund) posts no entry rather than an empty one.</summary>
    private static JournalEntry? PostIfAny(JournalSource source, string description, IReadOnlyList<JournalLine> lines, DateTimeOffset at) =>
        lines.Any(l => l.NetMinor != 0) ? JournalEntry.Post(source, description, lines, at) : null;
}
