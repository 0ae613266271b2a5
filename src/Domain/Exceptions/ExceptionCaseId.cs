using EcomErp.Domain.Inventory;

namespace EcomErp.Domain.Exceptions;

public readonly record struct ExceptionCaseId(Guid Value)
{
    public static ExceptionCaseId New() => new(Guid.CreateVersion7());

    /// <summary>
    /// The one case of a stock adjustment that waits for approval takes the adjustment's id: a replayed request finds it by key,
    /// and the key settles a race between two deliveries, as the unique hold id does for a hold's case.
    /// </summary>
    public static ExceptionCaseId ForAdjustment(AdjustmentId adjustment) => new(adjustment.Value);

    /// <summary>The one approval case of a return that waits in Requested takes the return's id, as an adjustment's case does.</summary>
    public static ExceptionCaseId ForReturn(Guid returnId) => new(returnId);

    /// <summary>
    /// The one case of a return whose exchanged units were closed as missing (decision 093) takes a name-based id derived from the
    /// return's (the return's own id is its approval case's): a replayed event finds it, and two deliveries race on the key.
    /// </summary>
    public static ExceptionCaseId ForUnreturnedExchange(Guid returnId) => new(ExceptionSubject.NameBasedId($"exchange-not-returned:{returnId}"));

    public override string ToString() => Value.ToString();
}
