using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record TransferLineDraft(SkuCode Sku, Quantity Quantity);
