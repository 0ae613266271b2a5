using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// The read-models consumer of the outbox pipeline (decision 050). Per batch, in sequence order: every projection changes its rows,
/// the cache takes the new documents, the rows and the checkpoint commit in one transaction, and only then do the notifications go
/// out, so a subscriber that queries on receipt sees the new state. A failure leaves the checkpoint where it was: the pipeline
/// repeats the batch, which is idempotent.
/// </summary>
public sealed partial class ReadModelProjector : IOutboxConsumer
{
    /// <summary>This consumer's row in OutboxCheckpoints.</summary>
    public const string ConsumerName = "read-models";

    /// <summary>Its every-minute safety run's id in Hangfire.</summary>
    public const string RecurringJobId = "read-model-projection";

    private readonly IReadModelCache _cache;
    private readonly NotificationRelay _notifications;
    private readonly ReadModelOptions _options;
    private readonly ILogger<ReadModelProjector> _logger;
    private readonly IReadModelProjection[] _projections;

    // Set by a rebuild, under the consumer's run lock: events announced before the rebuild are not announced again.
    private long _notifyAfterSequence;

    public ReadModelProjector(IReadModelCache cache, NotificationRelay notifications, ReadModelOptions options, TimeProvider clock, OrderViewHandoff orderViews,
        ILogger<ReadModelProjector> logger)
    {
        (_cache, _notifications, _options, _logger) = (cache, notifications, options, logger);
        _projections = [
            new OrderProjection(orderViews), new SkuProjection(), new InventoryProjection(), new LedgerProjection(), new PurchaseOrderProjection(),
            new ExceptionCaseProjection(clock), new ReturnProjection(), new ReturnKpiProjection(), new CycleCountProjection(),
        ];
    }

    public string Name => ConsumerName;

    public int BatchSize => _options.ProjectionBatchSize;

    public bool CommitsCheckpoint => true;

    public async Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ErpDbContext>();
        var projection = new ProjectionBatch(batch.Events, Volatile.Read(ref _notifyAfterSequence));
        foreach (var projector in _projections)
            await projector.ApplyAsync(projection, db, cancellationToken);

        // Before the commit: a crash in between leaves the cache ahead of the table, never behind it (the table
        // catches up on the retry), while a cache written after the commit could keep an old document for its TTL.
        await _cache.SetManyAsync(projection.CacheEntries, cancellationToken);

        await batch.StageCheckpointAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // And after it, for a cache that holds only what was read: a fill that read the table before the commit cannot
        // keep the older document (decision 083).
        await _cache.CommittedAsync(projection.CacheEntries, cancellationToken);
        LogBatchApplied(_logger, batch.Events.Count, batch.Events[^1].Message.Sequence);

        // The relay keeps what the bus refuses and sends it, in order, when the bus is back (decision 053).
        await _notifications.PublishAsync(projection);
    }

    /// <summary>While a rebuild re-projects the log (under the run lock), events up to <paramref name="sequence"/> are not announced again.</summary>
    internal void AnnounceOnlyAfter(long sequence) => Volatile.Write(ref _notifyAfterSequence, sequence);


    [LoggerMessage(Level = LogLevel.Debug, Message = "Read models applied {Count} outbox events, up to {Sequence}")]
    private static partial void LogBatchApplied(ILogger logger, int count, long sequence);
}
