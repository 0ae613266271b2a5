namespace EcomErp.Domain.Inventory;

public enum AdjustmentStatus
{
    PendingApproval = 0,
    Applied = 1,

    /// <summary>A second person refused it: no stock moved.</summary>
    Rejected = 2,
}
