namespace EcomErp.Domain.Inventory;

public sealed record StockReserved : StockLedgerEvent;
