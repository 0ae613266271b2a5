using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed class TransferLine
{
    private TransferLine() { }

    internal TransferLine(int lineNumber, SkuCode sku, int shippedQuantity) =>
        (LineNumber, Sku, ShippedQuantity) = (lineNumber, sku, shippedQuantity);

    public int LineNumber { get; private set; }
    public SkuCode Sku { get; private set; }
    public int ShippedQuantity { get; private set; }
    public int ReceivedQuantity { get; private set; }

    /// <summary>Shipped but not received: written off the destination's InTransit when the transfer is received.</summary>
    public int DiscrepancyQuantity { get; private set; }

    internal void Receive(int quantity) => (ReceivedQuantity, DiscrepancyQuantity) = (quantity, ShippedQuantity - quantity);

    public TransferLineSnapshot Snapshot() => new(LineNumber, Sku.Value, ShippedQuantity, ReceivedQuantity, DiscrepancyQuantity);
}
