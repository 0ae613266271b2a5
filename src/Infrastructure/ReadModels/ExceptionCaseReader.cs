using System.Linq.Expressions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// The list columns of a case, read from the case table itself: the keyset paging compares plain ids and ticks, which the
/// aggregate's typed id and converted times do not offer to a query. Keyless and mapped to a query, so it adds no table.
/// </summary>
internal sealed class ExceptionCaseListRow
{
    public Guid Id { get; set; }
    public ExceptionType Type { get; set; }
    public ExceptionCaseStatus Status { get; set; }
    public ExceptionSubjectKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public string Channel { get; set; } = "";
    public string Queue { get; set; } = "";
    public string? Assignee { get; set; }
    public int PriorityValue { get; set; }
    public long RaisedAt { get; set; }
    public long DueAt { get; set; }
    public int EscalationLevel { get; set; }
    public int Version { get; set; }
}

internal sealed class ExceptionCaseListRowConfiguration : IEntityTypeConfiguration<ExceptionCaseListRow>
{
    public void Configure(EntityTypeBuilder<ExceptionCaseListRow> row) => row.HasNoKey().ToSqlQuery(
        "SELECT Id, Type, Status, SubjectKind, SubjectId, Channel, Queue, Assignee, PriorityValue, RaisedAt, DueAt, EscalationLevel, Version FROM ExceptionCases");
}

/// <summary>Case lists: filtered, sorted and keyset-paged (<see cref="KeysetPaging"/>) in the database.</summary>
internal sealed class ExceptionCaseReader(Persistence.ErpDbContext db) : IExceptionCaseReader
{
    public async Task<ExceptionCasePage> ListAsync(ExceptionCaseListRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = new KeysetOrder<ExceptionCaseListRow>(SortKey(request.SortField), r => r.Id, request.Descending);
        var page = await Filtered(request, now.UtcTicks).PageAsync(order, Position(request.After), Position(request.Before), request.Size, request.FromTheEnd, cancellationToken);
        var keyOf = KeyOf(request.SortField);
        return new ExceptionCasePage(
            [.. page.Rows.Select(r => ToSummary(r, now))],
            [.. page.Rows.Select(r => new OrderCursor(keyOf(r), r.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private static (long, Guid)? Position(OrderCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);

    private IQueryable<ExceptionCaseListRow> Filtered(ExceptionCaseListRequest request, long nowTicks)
    {
        var rows = db.Set<ExceptionCaseListRow>().AsNoTracking();
        if (request.VisibleChannels is { } channels)
        {
            var visible = channels.ToList();
            rows = rows.Where(r => visible.Contains(r.Channel));
        }
        if (request.VisibleQueues is { } queues)
        {
            var visible = queues.ToList();
            rows = rows.Where(r => visible.Contains(r.Queue));
        }
        var filter = request.Filter;
        if (filter.Types is { Count: > 0 } types)
        {
            var wanted = types.ToList();
            rows = rows.Where(r => wanted.Contains(r.Type));
        }
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.ToList();
            rows = rows.Where(r => wanted.Contains(r.Status));
        }
        if (filter.Queues is { Count: > 0 } filterQueues)
        {
            var wanted = filterQueues.ToList();
            rows = rows.Where(r => wanted.Contains(r.Queue));
        }
        if (filter.Assignee is { } assignee)
            rows = rows.Where(r => r.Assignee == assignee);
        if (filter.SubjectId is { } subjectId)
            rows = rows.Where(r => r.SubjectId == subjectId);
        if (filter.Channel is { } channel)
            rows = rows.Where(r => r.Channel == channel);
        if (filter.MinPriority is { } minPriority)
            rows = rows.Where(r => r.PriorityValue >= minPriority);
        if (filter.Overdue is { } overdue)
            rows = overdue
                ? rows.Where(r => (r.Status == ExceptionCaseStatus.Open || r.Status == ExceptionCaseStatus.Assigned) && r.DueAt < nowTicks)
                : rows.Where(r => !((r.Status == ExceptionCaseStatus.Open || r.Status == ExceptionCaseStatus.Assigned) && r.DueAt < nowTicks));
        return rows;
    }

    private static LambdaExpression SortKey(ExceptionCaseSortField field) => field switch
    {
        ExceptionCaseSortField.Priority => (Expression<Func<ExceptionCaseListRow, int>>)(r => r.PriorityValue),
        ExceptionCaseSortField.RaisedAt => (Expression<Func<ExceptionCaseListRow, long>>)(r => r.RaisedAt),
        _ => (Expression<Func<ExceptionCaseListRow, long>>)(r => r.DueAt),
    };

    private static Func<ExceptionCaseListRow, long> KeyOf(ExceptionCaseSortField field) => field switch
    {
        ExceptionCaseSortField.Priority => r => r.PriorityValue,
        ExceptionCaseSortField.RaisedAt => r => r.RaisedAt,
        _ => r => r.DueAt,
    };

    private static ExceptionCaseSummaryView ToSummary(ExceptionCaseListRow row, DateTimeOffset now)
    {
        var dueAt = new DateTimeOffset(row.DueAt, TimeSpan.Zero);
        var open = row.Status is ExceptionCaseStatus.Open or ExceptionCaseStatus.Assigned;
        return new ExceptionCaseSummaryView(row.Id, row.Type, row.Status, row.SubjectKind, row.SubjectId, row.Channel, row.Queue, row.Assignee,
            row.PriorityValue, new DateTimeOffset(row.RaisedAt, TimeSpan.Zero), dueAt, open && now > dueAt, row.EscalationLevel, row.Version);
    }
}
