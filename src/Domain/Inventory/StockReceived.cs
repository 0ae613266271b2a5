namespace EcomErp.Domain.Inventory;

/// <summary>Stock came in from outside the ledger (a receipt, a confirmed purchase order, a positive adjustment).</summary>
public sealed record StockReceived : StockLedgerEvent;
