namespace EcomErp.Domain.Inventory;

public enum TransferStatus
{
    InTransit = 0,
    Received = 1,
}
