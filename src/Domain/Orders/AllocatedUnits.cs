using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Units of one order line to ship from one location: the SKU may be a substitute the channel and the SKU allow.</summary>
public readonly record struct AllocatedUnits(int LineNumber, SkuCode Sku, LocationCode Location, int Quantity);
