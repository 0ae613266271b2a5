using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Exceptions;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Cases are read from their own table (decision 025), so this projection keeps no rows: it turns the batch's case events
/// into notifications, sent after the commit like every other, each carrying its case as one read of the batch's cases
/// found it (a subscriber then reads nothing per event). A rebuild replays them silently.
/// </summary>
internal sealed class ExceptionCaseProjection(TimeProvider clock) : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var changes = new List<(long Sequence, ExceptionCaseEvent Changed, ExceptionCaseAction Action)>();
        foreach (var (message, domainEvent) in batch.Events)
        {
            if (message.Sequence > batch.NotifyAfterSequence && domainEvent is ExceptionCaseEvent changed && ActionOf(changed) is { } action)
                changes.Add((message.Sequence, changed, action));
        }
        if (changes.Count == 0)
            return;

        var ids = changes.Select(c => new ExceptionCaseId(c.Changed.CaseId)).Distinct().ToList();
        var cases = await db.ExceptionCases.AsNoTracking().WithTimeline().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var views = cases.ToDictionary(c => c.Id.Value, c => ExceptionCaseView.From(c, now));
        foreach (var (sequence, changed, action) in changes)
        {
            batch.ExceptionCaseNotifications.Add(new ExceptionCaseChangedNotification(
                changed.CaseId, changed.Type, changed.Queue, changed.Channel, action, changed.ActorId, sequence, changed.OccurredAt,
                views.GetValueOrDefault(changed.CaseId)));
        }
    }

    private static ExceptionCaseAction? ActionOf(ExceptionCaseEvent changed) => changed switch
    {
        ExceptionCaseRaised => ExceptionCaseAction.Raised,
        ExceptionCaseAssigned => ExceptionCaseAction.Assigned,
        ExceptionCaseEscalated => ExceptionCaseAction.Escalated,
        ExceptionCaseResolved => ExceptionCaseAction.Resolved,
        ExceptionCaseDismissed => ExceptionCaseAction.Dismissed,
        _ => null,
    };
}
