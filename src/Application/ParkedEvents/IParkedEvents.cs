using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.ParkedEvents;

/// <summary>Where a parked-events row stands (decision 050).</summary>
public enum ParkedEventStatus
{
    /// <summary>Its consumer failed on it after every retry; it waits for an Admin to retry or skip it.</summary>
    Parked = 0,

    /// <summary>A later event of a parked event's aggregate, kept back so the aggregate's events reach the consumer in order.</summary>
    Held = 1,

    /// <summary>Delivered to its consumer by a retry (or, for a held event, after its parked event was retried or skipped).</summary>
    Delivered = 2,

    /// <summary>An Admin skipped it: its consumer never handles it.</summary>
    Skipped = 3,
}

/// <summary>
/// One event a consumer of the outbox parked or holds back. The error is the exception's type and message as the consumer threw
/// it (clipped), never its stack or inner data. <see cref="HeldBehind"/> is the sequence of the parked event a held one waits for.
/// </summary>
public sealed record ParkedEventView(
    Guid Id,
    string Consumer,
    long Sequence,
    Guid EventId,
    string EventType,
    string AggregateType,
    string AggregateId,
    ParkedEventStatus Status,
    long? HeldBehind,
    string? ErrorType,
    string? ErrorMessage,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    DateTimeOffset? SettledAt,
    string? SettledBy,
    Guid? ExceptionCaseId);

/// <summary>
/// What a parked-events list is narrowed to; every criterion given must hold. <see cref="EventId"/> finds the rows of one outbox
/// event (one per consumer that parked or holds it), which is what its INTEGRATION_FAILURE case names.
/// </summary>
public sealed record ParkedEventFilter(string? Consumer = null, ParkedEventStatus? Status = null, Guid? EventId = null);

/// <summary>
/// One event with the first <see cref="MaxHeldShown"/> events its consumer holds behind it, in outbox order, and how many it holds
/// in all (a held event's own list is empty: nothing waits behind a held event).
/// </summary>
public sealed record ParkedEventDetail(ParkedEventView Event, IReadOnlyList<ParkedEventView> HeldBehindIt, int HeldCount)
{
    public const int MaxHeldShown = 50;
}

/// <summary>
/// One page of parked events in outbox order (sequence, then id): the <paramref name="Size"/> first after <paramref name="After"/>
/// (and before <paramref name="Before"/>), or with <paramref name="FromTheEnd"/> the last ones. The cursor's key is the sequence.
/// </summary>
public sealed record ParkedEventListRequest(ParkedEventFilter Filter, int Size, OrderCursor? After = null, bool FromTheEnd = false, OrderCursor? Before = null)
{
    public const int MaxSize = 100;
}

/// <summary>A page of parked events in list order, with a cursor per event.</summary>
public sealed record ParkedEventPage(IReadOnlyList<ParkedEventView> Items, IReadOnlyList<OrderCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>
/// What a retry or skip did: the event as it now stands, how many of the events held behind it its consumer then took in order,
/// and, when one of those failed in turn, that event (now parked, the rest held behind it).
/// </summary>
public sealed record ParkedEventSettlement(ParkedEventView Event, int FollowersDelivered, ParkedEventView? ParkedAgain);

/// <summary>
/// The parked events of the outbox pipeline (Infrastructure). <see cref="RetryAsync"/> and <see cref="SkipAsync"/> run the
/// consumer (its effects commit as a consumer's always do) and leave the rows' new status in the caller's scope; they call
/// <c>commit</c> while they still hold the consumer's run lock, so the settlement, the case it closes and the audit entry commit
/// together before a run of that consumer can see the event's aggregate again. Neither moves the consumer's checkpoint.
/// </summary>
public interface IParkedEvents
{
    Task<ParkedEventPage> ListAsync(ParkedEventListRequest request, CancellationToken cancellationToken);

    /// <summary>The event and what its consumer holds behind it; null when there is no row of that id.</summary>
    Task<ParkedEventDetail?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Runs the parked event through its consumer, then the events held behind it, in order.</summary>
    Task<Result<ParkedEventSettlement>> RetryAsync(Guid id, Actor actor, Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit,
        CancellationToken cancellationToken);

    /// <summary>Marks the parked event skipped, then runs the events held behind it through its consumer, in order.</summary>
    Task<Result<ParkedEventSettlement>> SkipAsync(Guid id, Actor actor, Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit,
        CancellationToken cancellationToken);
}
