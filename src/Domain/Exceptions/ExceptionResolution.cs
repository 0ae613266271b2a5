namespace EcomErp.Domain.Exceptions;

/// <summary>How a resolved case ended.</summary>
public enum ExceptionResolution
{
    /// <summary>The queue approved the subject: the hold behind the case is released and the workflow moves on, or the stock adjustment applies.</summary>
    Approved = 0,

    /// <summary>The queue refused the subject: the order is cancelled, or the stock adjustment refused, with the note as the reason.</summary>
    Rejected = 1,

    /// <summary>The hold behind the case was released, or its order cancelled, by other means; the case only records it.</summary>
    ClosedAtSource = 2,
}
