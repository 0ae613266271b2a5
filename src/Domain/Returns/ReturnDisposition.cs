namespace EcomErp.Domain.Returns;

/// <summary>Where an inspected unit goes, each with its ledger move (the reference is the RMA).</summary>
public enum ReturnDisposition
{
    /// <summary>ReturnsAwaitingInspection to Available (RETURN_RESTOCKED); resellable units only.</summary>
    Restock = 0,

    /// <summary>ReturnsAwaitingInspection to QualityHold (RETURN_REFURBISHED); released to Available later like any quality hold.</summary>
    Refurbish = 1,

    /// <summary>ReturnsAwaitingInspection to Damaged (RETURN_DAMAGED), then out of the ledger (RETURN_WRITTEN_OFF), above the threshold after a second person's approval.</summary>
    Scrap = 2,

    /// <summary>ReturnsAwaitingInspection out of the ledger to an active supplier (RETURN_TO_VENDOR).</summary>
    ReturnToVendor = 3,
}
