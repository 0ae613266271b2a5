namespace EcomErp.Domain.Inventory;

public sealed record StockReservationReleased : StockLedgerEvent;
