namespace EcomErp.Domain.Inventory;

/// <summary>
/// The disjoint buckets a balance holds. Each unit is in exactly one; every change moves units between
/// buckets, or in from (or out to) the world outside the ledger.
/// </summary>
public enum StockBucket
{
    Available = 0,

    /// <summary>Committed to orders.</summary>
    Reserved = 1,
    QualityHold = 2,
    Damaged = 3,
    ReturnsAwaitingInspection = 4,

    /// <summary>Shipped by a transfer from another location, counted at the destination.</summary>
    InTransit = 5,

    /// <summary>Confirmed by a supplier on a purchase order, not yet received.</summary>
    Inbound = 6,
}
