using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record PurchaseOrderLineDraft(SkuCode Sku, Quantity Quantity, DateOnly ExpectedOn);
