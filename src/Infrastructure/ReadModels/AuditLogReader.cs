using EcomErp.Application.Audit;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// The columns an audit list filters and pages on, read from the log's table: the keyset paging compares plain ticks, which
/// the entry's converted time does not offer to a query. Keyless and mapped to a query, so it adds no table.
/// </summary>
internal sealed class AuditLogRow
{
    public Guid Id { get; set; }
    public long RecordedAt { get; set; }
    public string ActorId { get; set; } = "";
    public string Command { get; set; } = "";
    public string? SubjectKind { get; set; }
    public string? SubjectId { get; set; }
    public AuditOutcome Outcome { get; set; }
}

internal sealed class AuditLogRowConfiguration : IEntityTypeConfiguration<AuditLogRow>
{
    public void Configure(EntityTypeBuilder<AuditLogRow> row) => row.HasNoKey().ToSqlQuery(
        $"SELECT Id, RecordedAt, ActorId, Command, SubjectKind, SubjectId, Outcome FROM {AuditEntryConfiguration.Table}");
}

/// <summary>
/// The audit log, newest first, filtered and keyset-paged (<see cref="KeysetPaging"/>) in the database; the page's entries are
/// then read whole by id. The log is its own read model: it is written once and never changes, so no projection stands between.
/// </summary>
internal sealed class AuditLogReader(Persistence.ErpDbContext db) : IAuditLogReader
{
    private static readonly KeysetOrder<AuditLogRow> NewestFirst = new((System.Linq.Expressions.Expression<Func<AuditLogRow, long>>)(r => r.RecordedAt), r => r.Id, Descending: true);

    public async Task<AuditLogPage> ListAsync(AuditLogRequest request, CancellationToken cancellationToken)
    {
        var page = await Filtered(request.Filter).PageAsync(NewestFirst, Position(request.After), Position(request.Before), request.Size, request.FromTheEnd, cancellationToken);
        var ids = page.Rows.Select(r => r.Id).ToList();
        var entries = ids.Count == 0
            ? new Dictionary<Guid, AuditEntry>()
            : await db.Set<AuditEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return new AuditLogPage(
            [.. page.Rows.Select(r => entries[r.Id])],
            [.. page.Rows.Select(r => new OrderCursor(r.RecordedAt, r.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private static (long, Guid)? Position(OrderCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);

    private IQueryable<AuditLogRow> Filtered(AuditLogFilter filter)
    {
        var rows = db.Set<AuditLogRow>().AsNoTracking();
        if (filter.SubjectKind is { } subjectKind)
            rows = rows.Where(r => r.SubjectKind == subjectKind);
        if (filter.SubjectId is { } subjectId)
            rows = rows.Where(r => r.SubjectId == subjectId);
        if (filter.ActorId is { } actorId)
            rows = rows.Where(r => r.ActorId == actorId);
        if (filter.Command is { } command)
            rows = rows.Where(r => r.Command == command);
        if (filter.Outcome is { } outcome)
            rows = rows.Where(r => r.Outcome == outcome);
        if (filter.From is { } from)
        {
            var fromTicks = from.UtcTicks;
            rows = rows.Where(r => r.RecordedAt >= fromTicks);
        }
        if (filter.To is { } to)
        {
            var toTicks = to.UtcTicks;
            rows = rows.Where(r => r.RecordedAt < toTicks);
        }
        return rows;
    }
}
