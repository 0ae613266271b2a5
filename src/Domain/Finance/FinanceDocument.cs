using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;

namespace EcomErp.Domain.Finance;

/// <summary>
/// An invoice or a credit note as issued, under its gap-free number. Immutable once issued: it has no method that changes
/// it and the store refuses to save a changed or removed one (like the audit log); a correction is a new document.
/// </summary>
public sealed class FinanceDocument
{
    public const int NumberMaxLength = 32;
    public const int RmaNumberMaxLength = 40;

    private readonly List<FinanceDocumentLine> _lines = [];

    private FinanceDocument() { }

    public string Number { get; private set; } = "";
    public FinanceDocumentKind Kind { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid? ReturnId { get; private set; }
    public string? RmaNumber { get; private set; }
    public string Channel { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public IReadOnlyList<FinanceDocumentLine> Lines => _lines;

    /// <summary>Fees a credit note keeps back from the lines' amounts; zero on an invoice.</summary>
    public long RestockingFeeMinor { get; private set; }
    public long ReturnShippingFeeMinor { get; private set; }

    /// <summary>What the customer owes (invoice) or is paid back (credit note).</summary>
    public long TotalMinor { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The invoice of an order that has just been invoiced: its lines as captured, its total.</summary>
    public static FinanceDocument Invoice(Order order, OrderInvoiced invoiced)
    {
        var document = new FinanceDocument
        {
            Number = invoiced.InvoiceNumber, Kind = FinanceDocumentKind.Invoice, OrderId = invoiced.OrderId, Channel = invoiced.Channel,
            Currency = invoiced.Currency, TotalMinor = invoiced.TotalMinor, IssuedAt = invoiced.OccurredAt,
        };
        document._lines.AddRange(order.Lines.Select((line, i) =>
            new FinanceDocumentLine(i + 1, line.LineNumber, line.Sku.Value, line.Quantity, line.UnitPriceMinor, line.LineTotalMinor)));
        return document;
    }

    /// <summary>The credit note of a refund, from the event alone (the contract of issue 13).</summary>
    public static FinanceDocument CreditNote(ReturnRefunded refunded)
    {
        var document = new FinanceDocument
        {
            Number = refunded.CreditNoteNumber, Kind = FinanceDocumentKind.CreditNote, OrderId = refunded.OrderId, ReturnId = refunded.ReturnId,
            RmaNumber = refunded.RmaNumber, Channel = refunded.Channel, Currency = refunded.Currency, RestockingFeeMinor = refunded.RestockingFeeMinor,
            ReturnShippingFeeMinor = refunded.ReturnShippingFeeMinor, TotalMinor = refunded.TotalMinor, IssuedAt = refunded.OccurredAt,
        };
        document._lines.AddRange(refunded.Lines.Select((line, i) =>
            new FinanceDocumentLine(i + 1, line.OrderLineNumber, line.Sku, line.Quantity, line.UnitPriceMinor, line.AmountMinor)));
        return document;
    }
}
