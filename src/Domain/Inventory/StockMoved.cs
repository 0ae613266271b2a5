namespace EcomErp.Domain.Inventory;

/// <summary>Stock moved between two buckets of one balance.</summary>
public sealed record StockMoved : StockLedgerEvent;
