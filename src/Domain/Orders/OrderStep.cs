namespace EcomErp.Domain.Orders;

/// <summary>A command of the workflow, guarded by one rule each in <see cref="OrderWorkflow"/>.</summary>
public enum OrderStep
{
    Validate,
    Allocate,
    Release,
    StartPicking,
    ConfirmPick,
    RecordShortPick,
    Pack,
    Ship,
    Invoice,
    Complete,
    Cancel,

    /// <summary>A change to the order's ship-to or priority before release (<see cref="Order.AmendShipTo"/>, <see cref="Order.AmendPriority"/>).</summary>
    Amend,
}
