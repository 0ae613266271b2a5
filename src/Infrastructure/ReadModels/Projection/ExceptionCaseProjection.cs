using EcomErp.Application.Abstractions;
using EcomErp.Domain.Exceptions;
using EcomErp.Infrastructure.Persistence;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Cases are read from their own table (decision 025), so this projection keeps no rows: it turns the batch's case events
/// into notifications, sent after the commit like every other. A rebuild replays them silently.
/// </summary>
internal sealed class ExceptionCaseProjection : IReadModelProjection
{
    public Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (message, domainEvent) in batch.Events)
        {
            if (message.Sequence <= batch.NotifyAfterSequence || domainEvent is not ExceptionCaseEvent changed || ActionOf(changed) is not { } action)
                continue;
            batch.ExceptionCaseNotifications.Add(new ExceptionCaseChangedNotification(
                changed.CaseId, changed.Type, changed.Queue, changed.Channel, action, changed.ActorId, message.Sequence, changed.OccurredAt));
        }
        return Task.CompletedTask;
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
