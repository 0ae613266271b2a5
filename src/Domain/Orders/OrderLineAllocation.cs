using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Units of one order line after an allocation: how many are allocated (in shipments) and how many wait for stock.</summary>
public sealed record OrderLineAllocation(int LineNumber, string Sku, int Quantity, int AllocatedQuantity, int BackorderedQuantity);
