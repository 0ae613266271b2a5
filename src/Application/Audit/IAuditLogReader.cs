using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Audit;

namespace EcomErp.Application.Audit;

/// <summary>
/// What an audit list is narrowed to; every given criterion must hold. <see cref="SubjectId"/> and <see cref="ActorId"/> match
/// exactly (an actor id is <c>user:…</c>, <c>api-client:…</c>); <see cref="From"/> is inclusive and <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditLogFilter(
    string? SubjectKind = null,
    string? SubjectId = null,
    string? ActorId = null,
    string? Command = null,
    AuditOutcome? Outcome = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

/// <summary>
/// One page of the audit log, newest first: the <paramref name="Size"/> first after <paramref name="After"/> (and before
/// <paramref name="Before"/>), or with <paramref name="FromTheEnd"/> the last ones. The cursor is the (sort key, id) position every
/// keyset list shares (<see cref="OrderCursor"/>), its key the entry's time in UTC ticks.
/// </summary>
public sealed record AuditLogRequest(AuditLogFilter Filter, int Size, OrderCursor? After = null, bool FromTheEnd = false, OrderCursor? Before = null)
{
    public const int MaxSize = 100;
}

/// <summary>A page of entries in list order, with a cursor per entry.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Items, IReadOnlyList<OrderCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>The audit log, filtered and keyset-paged in the store.</summary>
public interface IAuditLogReader
{
    Task<AuditLogPage> ListAsync(AuditLogRequest request, CancellationToken cancellationToken);
}
