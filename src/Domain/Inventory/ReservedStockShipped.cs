namespace EcomErp.Domain.Inventory;

/// <summary>Reserved stock left with a shipment.</summary>
public sealed record ReservedStockShipped : StockLedgerEvent;
