namespace EcomErp.Domain.Inventory;

public sealed record PurchaseOrderLineSnapshot(int LineNumber, string Sku, int OrderedQuantity, int ReceivedQuantity, DateOnly ExpectedOn);
