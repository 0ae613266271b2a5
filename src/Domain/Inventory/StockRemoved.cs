namespace EcomErp.Domain.Inventory;

/// <summary>Stock left the ledger (a write-off, a negative adjustment, a transfer shipped away, a short close).</summary>
public sealed record StockRemoved : StockLedgerEvent;
