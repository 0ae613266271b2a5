using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>One row of the outbox with its event read back.</summary>
public sealed record OutboxEvent(OutboxMessage Message, IDomainEvent Event);

/// <summary>
/// Something that follows the outbox (decision 050): it receives ordered batches of events, at least once, and its own checkpoint
/// (its <see cref="Name"/>) advances when a batch commits. The <see cref="OutboxPipeline"/> reads, retries, parks and checkpoints;
/// the consumer only handles. Registered with <see cref="OutboxRegistration.AddOutboxConsumer{TConsumer}"/>.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>The checkpoint's key; renaming it replays the whole log to this consumer.</summary>
    string Name { get; }

    /// <summary>How many events a batch holds at most.</summary>
    int BatchSize { get; }

    /// <summary>
    /// True for a consumer that writes rows of its own: it stages the checkpoint (<see cref="OutboxBatch.StageCheckpointAsync"/>)
    /// in the transaction of its rows. False for one whose effects commit elsewhere (the automation): the pipeline saves the
    /// checkpoint after the batch, so a crash in between repeats the batch, and the consumer must be idempotent.
    /// </summary>
    bool CommitsCheckpoint { get; }

    /// <param name="services">A scope of its own for this batch (its own DbContext and unit of work); a retry gets a fresh one.</param>
    Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>
/// The events a consumer handles in one go, in sequence order (the events of an aggregate held behind a parked one left out), and
/// where its checkpoint moves when the batch commits. A replay of a parked event (an Admin's retry) moves no checkpoint.
/// </summary>
public sealed class OutboxBatch(string consumer, IReadOnlyList<OutboxEvent> events, long? checkpointTo, TimeProvider clock)
{
    public string Consumer { get; } = consumer;
    public IReadOnlyList<OutboxEvent> Events { get; } = events;

    /// <summary>Where the checkpoint moves on commit; null for a replay, which leaves it where it is.</summary>
    public long? CheckpointTo { get; } = checkpointTo;

    /// <summary>Adds the checkpoint's move to <paramref name="db"/>'s changes, so it commits with the consumer's rows (nothing for a replay).</summary>
    public async Task StageCheckpointAsync(ErpDbContext db, CancellationToken cancellationToken)
    {
        if (CheckpointTo is not { } to)
            return;
        var checkpoint = await CheckpointOf(db, Consumer, cancellationToken);
        if (checkpoint is null)
            db.OutboxCheckpoints.Add(checkpoint = new OutboxCheckpoint(Consumer));
        if (checkpoint.LastSequence < to)
            checkpoint.Advance(to, clock.GetUtcNow());
    }

    /// <summary>The consumer's checkpoint, tracked; compiled once, as it runs with every batch (see the pipeline's reads).</summary>
    private static readonly Func<ErpDbContext, string, CancellationToken, Task<OutboxCheckpoint?>> CheckpointOf =
        EF.CompileAsyncQuery((ErpDbContext db, string consumer, CancellationToken _) => db.OutboxCheckpoints.FirstOrDefault(c => c.Consumer == consumer));
}

/// <summary>
/// Hands the batch to the Application's event handlers in one call (decision 051): batch handlers (the order workflow's
/// automation) get all the events of their type together, per-event handlers each event in order. Its effects commit in the handlers' own saves, so the pipeline checkpoints after the batch.
/// </summary>
internal sealed class DomainEventDispatchConsumer(IOptions<OutboxPipelineOptions> options) : IOutboxConsumer
{
    public const string ConsumerName = "domain-events";
    public const string RecurringJobId = "outbox-dispatch";
    public const int DefaultBatchSize = 500;

    public string Name => ConsumerName;
    public int BatchSize { get; } = options.Value.DomainEventsBatchSize;
    public bool CommitsCheckpoint => false;

    public async Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IDomainEventPublisher>()
            .PublishBatchAsync([.. batch.Events.Select(outboxEvent => outboxEvent.Event)], cancellationToken);
    }
}
