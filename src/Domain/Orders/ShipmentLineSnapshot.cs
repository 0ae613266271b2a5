using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

public sealed record ShipmentLineSnapshot(int LineNumber, string Sku, int Quantity, int PickedQuantity);
