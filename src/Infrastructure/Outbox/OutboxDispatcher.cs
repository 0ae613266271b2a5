using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// Feeds new outbox rows to every <see cref="IOutboxConsumer"/>, in sequence order and at least once: a
/// consumer's checkpoint only passes an event it handled, and a failure stops that consumer's run so the
/// next run starts again at the failed event. One run at a time per process; Hangfire's
/// <c>DisableConcurrentExecution</c> makes it one per cluster.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    IEnumerable<IOutboxConsumer> consumers,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    public const int BatchSize = 100;

    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private readonly IReadOnlyList<IOutboxConsumer> _consumers = [.. consumers];

    /// <summary>Runs every consumer until no rows remain; returns the deliveries made (events × consumers).</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            foreach (var consumer in _consumers)
                delivered += await RunConsumerAsync(consumer, cancellationToken);
            return delivered;
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    public void Dispose() => _oneRunAtATime.Dispose();

    private async Task<int> RunConsumerAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            var (checkpoint, batch) = await ReadBatchAsync(consumer.Name, cancellationToken);
            if (batch.Count == 0)
                return delivered;

            var handledUpTo = checkpoint;
            if (consumer is IOutboxBatchConsumer batchConsumer && await TryConsumeBatchAsync(batchConsumer, batch, cancellationToken) is { } handled)
            {
                if (handled > 0)
                    await SaveCheckpointAsync(consumer.Name, checkpoint, batch[handled - 1].Sequence, CancellationToken.None);
                delivered += handled;
                if (handled < batch.Count)
                    return delivered;
                LogBatchHandled(logger, consumer.Name, batch.Count, batch[^1].Sequence);
                continue;
            }
            try
            {
                foreach (var message in batch)
                {
                    await using (var scope = scopeFactory.CreateAsyncScope())
                        await consumer.ConsumeAsync(message.ToDomainEvent(), message, scope.ServiceProvider, cancellationToken);
                    handledUpTo = message.Sequence;
                    delivered++;
                }
            }
            catch (Exception exception)
            {
                // Keep what was handled before the failure (or the shutdown); the rest waits for the next run.
                await SaveCheckpointAsync(consumer.Name, checkpoint, handledUpTo, CancellationToken.None);
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    throw;
                var failed = batch.First(m => m.Sequence > handledUpTo);
                LogConsumerFailed(logger, exception, consumer.Name, failed.Sequence, failed.EventType);
                return delivered;
            }

            await SaveCheckpointAsync(consumer.Name, checkpoint, handledUpTo, cancellationToken);
            LogBatchHandled(logger, consumer.Name, batch.Count, handledUpTo);
        }
    }

    /// <summary>
    /// The whole batch in one scope; returns how many events, from the first, were handled. A handler's failure on one
    /// event stops there (logged, the next run retries it); any other failure returns null and the batch goes again one
    /// event at a time (consumers are idempotent).
    /// </summary>
    private async Task<int?> TryConsumeBatchAsync(IOutboxBatchConsumer consumer, List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await consumer.ConsumeBatchAsync([.. batch.Select(m => m.ToDomainEvent())], scope.ServiceProvider, cancellationToken);
            return batch.Count;
        }
        catch (Application.Abstractions.DomainEventDeliveryException failure)
        {
            LogConsumerFailed(logger, failure.InnerException!, consumer.Name, batch[failure.Delivered].Sequence, batch[failure.Delivered].EventType);
            return failure.Delivered;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(logger, exception, consumer.Name, batch[0].Sequence, batch[^1].Sequence);
            return null;
        }
    }

    private async Task<(long Checkpoint, List<OutboxMessage> Batch)> ReadBatchAsync(string consumer, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var checkpoint = await db.OutboxCheckpoints.AsNoTracking().Where(c => c.Consumer == consumer)
            .Select(c => (long?)c.LastSequence).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var batch = await db.OutboxMessages.AsNoTracking().Where(m => m.Sequence > checkpoint)
            .OrderBy(m => m.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
        return (checkpoint, batch);
    }

    private async Task SaveCheckpointAsync(string consumer, long readFrom, long handledUpTo, CancellationToken cancellationToken)
    {
        if (handledUpTo == readFrom)
            return;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var checkpoint = await db.OutboxCheckpoints.FindAsync([consumer], cancellationToken);
        if (checkpoint is null)
            db.OutboxCheckpoints.Add(checkpoint = new OutboxCheckpoint(consumer));
        checkpoint.Advance(handledUpTo, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox consumer {Consumer} failed on event {Sequence} ({EventType}); the next run retries it")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, string consumer, long sequence, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox consumer {Consumer} failed on the batch {First}..{Last}; it goes again one event at a time")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string consumer, long first, long last);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox consumer {Consumer} handled {Count} events, up to {Sequence}")]
    private static partial void LogBatchHandled(ILogger logger, string consumer, int count, long sequence);
}
