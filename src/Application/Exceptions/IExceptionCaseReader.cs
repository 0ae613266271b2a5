using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.Exceptions;

public enum ExceptionCaseSortField
{
    DueAt = 0,
    Priority = 1,
    RaisedAt = 2,
}

/// <summary>
/// What a case list is narrowed to; every given criterion must hold. <see cref="Overdue"/> true keeps open cases past their
/// due time, false the others. <see cref="Assignee"/> is an actor id (the API's "assigned to me" passes the caller's).
/// <see cref="MinPriority"/> keeps cases whose stored priority score is at least that.
/// </summary>
public sealed record ExceptionCaseFilter(
    IReadOnlyCollection<ExceptionType>? Types = null,
    IReadOnlyCollection<ExceptionCaseStatus>? Statuses = null,
    IReadOnlyCollection<string>? Queues = null,
    string? Assignee = null,
    bool? Overdue = null,
    string? Channel = null,
    int? MinPriority = null,
    Guid? SubjectId = null);

/// <summary>
/// One page of cases: the <paramref name="Size"/> first after <paramref name="After"/> (and before <paramref name="Before"/>),
/// or with <paramref name="FromTheEnd"/> the last ones. <paramref name="VisibleChannels"/> and <paramref name="VisibleQueues"/>
/// are the caller's restrictions (null: all), applied in the store so nobody pages into cases they may not see. The cursor is
/// the (sort key, id) position every keyset list shares (<see cref="OrderCursor"/>).
/// </summary>
public sealed record ExceptionCaseListRequest(
    ExceptionCaseFilter Filter, ExceptionCaseSortField SortField, bool Descending, int Size, OrderCursor? After = null,
    IReadOnlyCollection<string>? VisibleChannels = null, IReadOnlyCollection<string>? VisibleQueues = null,
    bool FromTheEnd = false, OrderCursor? Before = null)
{
    public const int MaxSize = 100;
}

/// <summary>A case in a list: enough to sort, filter and show a queue row; <see cref="ExceptionCaseView"/> has the rest.</summary>
public sealed record ExceptionCaseSummaryView(
    Guid Id, ExceptionType Type, ExceptionCaseStatus Status, ExceptionSubjectKind SubjectKind, Guid SubjectId, string Channel, string Queue,
    string? Assignee, int Priority, DateTimeOffset RaisedAt, DateTimeOffset DueAt, bool IsOverdue, int EscalationLevel, int Version);

/// <summary>A page in list order, with a cursor per item.</summary>
public sealed record ExceptionCasePage(
    IReadOnlyList<ExceptionCaseSummaryView> Items, IReadOnlyList<OrderCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>Lists of cases, filtered, sorted and keyset-paged in the store.</summary>
public interface IExceptionCaseReader
{
    Task<ExceptionCasePage> ListAsync(ExceptionCaseListRequest request, DateTimeOffset now, CancellationToken cancellationToken);
}
