namespace EcomErp.Domain.Orders;

/// <summary>
/// The governed states of an order. The stored numbers are fixed, so the later states are appended and the
/// numbers say nothing about workflow order: compare states through <see cref="OrderWorkflow"/>, never with &lt; or &gt;.
/// </summary>
public enum OrderStatus
{
    Captured = 0,
    Validated = 1,
    Allocated = 2,
    Released = 3,
    Picking = 4,
    Packed = 5,
    Shipped = 6,
    Invoiced = 7,
    Completed = 8,
    Cancelled = 9,

    /// <summary>Validated, and no unit could be allocated yet: every unit waits for stock.</summary>
    Backordered = 10,

    /// <summary>Some units are allocated (reserved in shipments), the rest wait for stock.</summary>
    PartiallyAllocated = 11,

    /// <summary>Some shipments left, others are still open.</summary>
    PartiallyShipped = 12,
}
