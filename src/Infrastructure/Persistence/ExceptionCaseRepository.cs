using EcomErp.Application.Exceptions;
using EcomErp.Domain.Exceptions;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class ExceptionCaseRepository(ErpDbContext db) : IExceptionCaseRepository
{
    private IQueryable<ExceptionCase> Aggregates => db.ExceptionCases.WithTimeline();

    public Task<ExceptionCase?> GetAsync(ExceptionCaseId id, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<ExceptionCase?> FindByHoldAsync(Guid holdId, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(c => c.HoldId == holdId, cancellationToken);

    public Task<ExceptionCase?> FindOpenAsync(ExceptionType type, ExceptionSubject subject, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(c => c.Type == type && c.Subject.Kind == subject.Kind && c.Subject.Id == subject.Id
            && (c.Status == ExceptionCaseStatus.Open || c.Status == ExceptionCaseStatus.Assigned), cancellationToken);

    public void Add(ExceptionCase exceptionCase) => db.ExceptionCases.Add(exceptionCase);

    public async Task<IReadOnlyList<ExceptionCaseId>> FindOverdueAsync(DateTimeOffset now, int belowLevel, int limit, CancellationToken cancellationToken) =>
        await db.ExceptionCases.AsNoTracking()
            .Where(c => (c.Status == ExceptionCaseStatus.Open || c.Status == ExceptionCaseStatus.Assigned) && c.DueAt <= now && c.EscalationLevel < belowLevel)
            .OrderBy(c => c.DueAt).ThenBy(c => c.Id)
            .Select(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
}

internal static class ExceptionCaseQueries
{
    /// <summary>Whole cases, their timeline in order: how every reader of cases loads them (the repository, the projection).</summary>
    public static IQueryable<ExceptionCase> WithTimeline(this IQueryable<ExceptionCase> cases) => cases.Include(c => c.Timeline.OrderBy(e => e.Sequence));
}
