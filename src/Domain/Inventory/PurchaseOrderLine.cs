using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed class PurchaseOrderLine
{
    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(int lineNumber, SkuCode sku, int orderedQuantity, DateOnly expectedOn) =>
        (LineNumber, Sku, OrderedQuantity, ExpectedOn) = (lineNumber, sku, orderedQuantity, expectedOn);

    public int LineNumber { get; private set; }
    public SkuCode Sku { get; private set; }
    public int OrderedQuantity { get; private set; }
    public int ReceivedQuantity { get; private set; }

    /// <summary>The ETA the supplier confirmed.</summary>
    public DateOnly ExpectedOn { get; private set; }

    /// <summary>Units still expected, booked as Inbound at the receiving location.</summary>
    public int OutstandingQuantity { get; private set; }

    internal void Expect(DateOnly expectedOn) => (OutstandingQuantity, ExpectedOn) = (OrderedQuantity, expectedOn);

    internal void Receive(int quantity)
    {
        ReceivedQuantity += quantity;
        OutstandingQuantity = Math.Max(0, OrderedQuantity - ReceivedQuantity);
    }

    internal void Close() => OutstandingQuantity = 0;

    public PurchaseOrderLineSnapshot Snapshot() => new(LineNumber, Sku.Value, OrderedQuantity, ReceivedQuantity, ExpectedOn);
}
