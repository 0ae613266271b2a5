namespace EcomErp.Domain.Inventory;

public sealed record TransferLineSnapshot(int LineNumber, string Sku, int ShippedQuantity, int ReceivedQuantity, int DiscrepancyQuantity);
