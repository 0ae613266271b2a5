namespace EcomErp.Domain.Exceptions;

/// <summary>How a resolved case ended.</summary>
public enum ExceptionResolution
{
    /// <summary>The queue approved the subject: the hold behind the case is released and the workflow moves on.</summary>
    Approved = 0,

    /// <summary>The queue refused the subject: the order is cancelled with the note as its reason.</summary>
    Rejected = 1,

    /// <summary>The hold behind the case was released, or its order cancelled, by other means; the case only records it.</summary>
    ClosedAtSource = 2,
}
