using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Units of one order line in one shipment: the SKU that actually ships (the ordered one or its substitute).</summary>
public sealed class ShipmentLine
{
    private ShipmentLine() { }

    internal ShipmentLine(int lineNumber, SkuCode sku, int quantity) => (LineNumber, Sku, Quantity) = (lineNumber, sku, quantity);

    public int LineNumber { get; private set; }
    public SkuCode Sku { get; private set; }
    public int Quantity { get; private set; }
    public int PickedQuantity { get; private set; }

    internal void Add(int quantity) => Quantity += quantity;

    internal void Remove(int quantity)
    {
        Quantity -= quantity;
        PickedQuantity = Math.Min(PickedQuantity, Quantity);
    }

    internal void MarkPicked() => PickedQuantity = Quantity;
}
