using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>One line of the order as captured, with its units' progress summed over the shipments.</summary>
public sealed class OrderLine
{
    private OrderLine() { }

    internal OrderLine(int lineNumber, SkuCode sku, int quantity, long unitPriceMinor) =>
        (LineNumber, Sku, Quantity, UnitPriceMinor) = (lineNumber, sku, quantity, unitPriceMinor);

    public int LineNumber { get; private set; }
    public SkuCode Sku { get; private set; }
    public int Quantity { get; private set; }

    /// <summary>Unit price in the order currency's minor units.</summary>
    public long UnitPriceMinor { get; private set; }

    public int AllocatedQuantity { get; private set; }
    public int PickedQuantity { get; private set; }
    public int ShippedQuantity { get; private set; }

    /// <summary>Units waiting for stock (the channel allows backorders); they are allocated when stock arrives.</summary>
    public int BackorderedQuantity { get; private set; }

    public long LineTotalMinor => checked(UnitPriceMinor * Quantity);

    /// <summary>Allocated, picked and shipped units are kept equal to the sums over the order's shipments (the order recounts them).</summary>
    internal void Recount(int allocated, int picked, int shipped) => (AllocatedQuantity, PickedQuantity, ShippedQuantity) = (allocated, picked, shipped);

    internal void SetBackordered(int quantity) => BackorderedQuantity = quantity;
}
