using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public sealed record OrderLineSnapshot(int LineNumber, string Sku, int Quantity, long UnitPriceMinor);
