using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// One read model fed by the projection. It changes its rows in the batch's DbContext without saving: the
/// projector commits every read model's rows with the checkpoint, in one transaction.
/// </summary>
internal interface IReadModelProjection
{
    Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken);
}

/// <summary>One run's slice of the outbox, and what the projections leave for after the commit.</summary>
internal sealed class ProjectionBatch(IReadOnlyList<OutboxEvent> events, long notifyAfterSequence)
{
    public IReadOnlyList<OutboxEvent> Events { get; } = events;

    /// <summary>Events at or below this were announced before (a rebuild replays them silently).</summary>
    public long NotifyAfterSequence { get; } = notifyAfterSequence;

    public List<KeyValuePair<string, string>> CacheEntries { get; } = [];

    public List<OrderStatusChangedNotification> Notifications { get; } = [];

    public List<InventoryChangedNotification> InventoryNotifications { get; } = [];

    public List<AvailabilityChangedNotification> AvailabilityNotifications { get; } = [];

    public List<ExceptionCaseChangedNotification> ExceptionCaseNotifications { get; } = [];

    public List<ReturnStatusChangedNotification> ReturnNotifications { get; } = [];

    /// <summary>The newest sequence of each key's events in this batch (events of other kinds are skipped).</summary>
    public Dictionary<TKey, long> LatestSequenceBy<TKey>(Func<IDomainEvent, TKey?> keyOf) where TKey : struct
    {
        var latest = new Dictionary<TKey, long>();
        foreach (var projected in Events)
        {
            if (keyOf(projected.Event) is { } key)
                latest[key] = projected.Message.Sequence;
        }
        return latest;
    }
}
