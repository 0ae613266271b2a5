using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// The read-models consumer of the outbox. Per batch, in sequence order: every projection changes its rows,
/// the cache takes the new documents, the rows and the checkpoint commit in one transaction, and only then
/// do the notifications go out, so a subscriber that queries on receipt sees the new state.
/// A failure leaves the checkpoint where it was: the next run repeats the batch, which is idempotent.
/// </summary>
public sealed partial class ReadModelProjector : IDisposable
{
    /// <summary>This consumer's row in OutboxCheckpoints.</summary>
    public const string ConsumerName = "read-models";

    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadModelCache _cache;
    private readonly NotificationRelay _notifications;
    private readonly ReadModelOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ReadModelProjector> _logger;
    private readonly IReadModelProjection[] _projections = [
        new OrderProjection(), new SkuProjection(), new InventoryProjection(), new LedgerProjection(), new PurchaseOrderProjection(),
        new ExceptionCaseProjection(), new ReturnProjection(), new ReturnKpiProjection(), new CycleCountProjection(),
    ];

    public ReadModelProjector(IServiceScopeFactory scopes, IReadModelCache cache, NotificationRelay notifications, ReadModelOptions options,
        TimeProvider timeProvider, ILogger<ReadModelProjector> logger) =>
        (_scopes, _cache, _notifications, _options, _timeProvider, _logger) = (scopes, cache, notifications, options, timeProvider, logger);

    /// <summary>Applies every new outbox row; returns how many it applied. One run at a time per process.</summary>
    public Task<int> ProjectPendingAsync(CancellationToken cancellationToken) =>
        ExclusiveAsync(() => DrainAsync(notifyAfterSequence: 0, cancellationToken), cancellationToken);

    public void Dispose() => _oneRunAtATime.Dispose();

    internal async Task<T> ExclusiveAsync<T>(Func<Task<T>> run, CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            return await run();
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    /// <summary>Runs batches until the outbox is drained. Call inside <see cref="ExclusiveAsync{T}"/>.</summary>
    internal async Task<int> DrainAsync(long notifyAfterSequence, CancellationToken cancellationToken)
    {
        var applied = 0;
        int count;
        while ((count = await ProjectBatchAsync(notifyAfterSequence, cancellationToken)) > 0)
            applied += count;
        return applied;
    }

    private async Task<int> ProjectBatchAsync(long notifyAfterSequence, CancellationToken cancellationToken)
    {
        ProjectionBatch batch;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            var checkpoint = await db.OutboxCheckpoints.FirstOrDefaultAsync(c => c.Consumer == ConsumerName, cancellationToken);
            var from = checkpoint?.LastSequence ?? 0;
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Sequence > from)
                .OrderBy(m => m.Sequence).Take(_options.ProjectionBatchSize).ToListAsync(cancellationToken);
            if (messages.Count == 0)
                return 0;

            batch = new ProjectionBatch([.. messages.Select(m => new ProjectedEvent(m, m.ToDomainEvent()))], notifyAfterSequence);
            foreach (var projection in _projections)
                await projection.ApplyAsync(batch, db, cancellationToken);

            // Before the commit: a crash in between leaves the cache ahead of the table, never behind it (the table
            // catches up on the retry), while a cache written after the commit could keep an old document for its TTL.
            await _cache.SetManyAsync(batch.CacheEntries, cancellationToken);

            if (checkpoint is null)
                db.OutboxCheckpoints.Add(checkpoint = new OutboxCheckpoint(ConsumerName));
            checkpoint.Advance(messages[^1].Sequence, _timeProvider.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            LogBatchApplied(_logger, messages.Count, checkpoint.LastSequence);
        }

        await _notifications.PublishAsync(batch);
        return batch.Events.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read models applied {Count} outbox events, up to {Sequence}")]
    private static partial void LogBatchApplied(ILogger logger, int count, long sequence);
}
