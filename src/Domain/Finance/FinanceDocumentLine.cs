namespace EcomErp.Domain.Finance;

/// <summary>One line of an invoice or credit note: units of an order line at its unit price (minor units of the document's currency).</summary>
public sealed class FinanceDocumentLine
{
    private FinanceDocumentLine() { }

    internal FinanceDocumentLine(int lineNumber, int orderLineNumber, string sku, int quantity, long unitPriceMinor, long amountMinor) =>
        (LineNumber, OrderLineNumber, Sku, Quantity, UnitPriceMinor, AmountMinor) = (lineNumber, orderLineNumber, sku, quantity, unitPriceMinor, amountMinor);

    public int LineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public string Sku { get; private set; } = "";
    public int Quantity { get; private set; }
    public long UnitPriceMinor { get; private set; }
    public long AmountMinor { get; private set; }
}
