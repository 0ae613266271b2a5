using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>Units of one SKU counted in at a receipt (against a purchase order or a transfer).</summary>
public sealed record ReceiptLine(SkuCode Sku, int Quantity);
