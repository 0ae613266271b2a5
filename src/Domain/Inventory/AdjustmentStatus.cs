namespace EcomErp.Domain.Inventory;

public enum AdjustmentStatus
{
    PendingApproval = 0,
    Applied = 1,
}
