namespace EcomErp.Domain.Returns;

/// <summary>
/// The governed states of a return. The stored numbers are fixed: compare states through <see cref="ReturnWorkflow"/>, never with &lt; or &gt;.
/// </summary>
public enum ReturnStatus
{
    Requested = 0,
    Authorized = 1,
    Rejected = 2,

    /// <summary>The carrier has the parcel (optional: a receipt may follow authorisation directly).</summary>
    InTransit = 3,

    /// <summary>Units arrived (some or all); the rest are still expected or closed as missing.</summary>
    Received = 4,

    /// <summary>Every unit is received or closed as missing, and every received unit is graded.</summary>
    Inspected = 5,

    /// <summary>Every graded unit went where its disposition sent it.</summary>
    Dispositioned = 6,
    Refunded = 7,
    Closed = 8,
    Cancelled = 9,
}
