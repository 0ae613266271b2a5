namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// One cycle count as recorded: the units counted, what the book held on hand just before (in Available, for counts recorded before decision 091), and the difference (zero when
/// the count matched). Keyed by the outbox sequence of its <c>CycleCountRecorded</c> event.
/// </summary>
public sealed record CycleCountView(
    long Sequence, string Sku, string Location, int CountedQuantity, int BookQuantity, string CountedBy, DateTimeOffset CountedAt)
{
    /// <summary>Counted minus book: positive when more was found than the ledger held.</summary>
    public int Variance => CountedQuantity - BookQuantity;

    public bool Matched => Variance == 0;
}

/// <summary>Whether a count agreed with the book.</summary>
public enum CycleCountOutcome
{
    Matched = 0,
    Variance = 1,
}

/// <summary>
/// Which counts a list shows, newest first, codes already normalised: of one SKU, location and outcome (null: any), counted
/// at or after <see cref="From"/> and before <see cref="Before"/>; a page of <see cref="Size"/> from <see cref="Skip"/>.
/// </summary>
public sealed record CycleCountListRequest(
    string? Sku, string? Location, CycleCountOutcome? Outcome, DateTimeOffset? From, DateTimeOffset? Before, int Skip, int Size);

/// <summary>The cycle-count read model, fed by the projection from <c>CycleCountRecorded</c> events. Never the write tables.</summary>
public interface ICycleCountReadModels
{
    Task<DocumentPage<CycleCountView>> ListAsync(CycleCountListRequest request, CancellationToken cancellationToken);
}
