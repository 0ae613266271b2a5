using EcomErp.Application.Abstractions;
using EcomErp.Application.ParkedEvents;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>How the pipeline retries a failing batch before it looks for the poison event and parks it (<c>EcomErp:Outbox</c>).</summary>
public sealed class OutboxPipelineOptions
{
    public const string SectionName = "EcomErp:Outbox";

    /// <summary>Retries after the first attempt, for a batch and again for each event of a batch that kept failing.</summary>
    public int RetryAttempts { get; set; } = 4;

    /// <summary>The first wait; each retry doubles it (with jitter): 0.1, 0.2, 0.4, 0.8 s by default.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Events per batch of the domain-event consumer (the order automation validates and allocates a batch's orders in one
    /// commit, decision 051): larger batches pay the per-batch reads and the commit fewer times under a flood of captures.
    /// </summary>
    public int DomainEventsBatchSize { get; set; } = DomainEventDispatchConsumer.DefaultBatchSize;

    /// <summary>
    /// How long a run waits after a batch that took everything there was before it reads again, so the events of that moment share
    /// the next batch (decision 084); zero reads again at once. An event that arrives while a run waits reaches its consumer up to
    /// this much later; the first event after a quiet spell does not wait.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How often the worker reads the outbox's head to find commits made by other processes (decision 086), which may not have
    /// reached its job queue: the longest such a commit waits for its run. Zero stops looking (the every-minute run remains).
    /// </summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// Runs every <see cref="IOutboxConsumer"/> over the outbox (decision 050): per consumer, batches in sequence order from its own
/// checkpoint, one run at a time per process (Hangfire's lock makes it one per cluster). A batch that fails is retried with backoff;
/// if it keeps failing, its events go one at a time, and the one that still fails is parked (a <see cref="ParkedEvent"/> row, with an
/// INTEGRATION_FAILURE case) while the consumer moves on. Later events of a parked event's aggregate are held behind it; other
/// aggregates flow. Parked and held rows commit before the checkpoint passes their events, so a restart neither re-runs a parked
/// event nor forgets a held one.
/// </summary>
public sealed partial class OutboxPipeline : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxPipeline> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly Dictionary<string, Lane> _lanes;
    private readonly RecentOutboxEvents _recent;
    private readonly TimeSpan _linger;
    private readonly TimeProvider _retryClock;

    public OutboxPipeline(IServiceScopeFactory scopes, IEnumerable<IOutboxConsumer> consumers, IOptions<OutboxPipelineOptions> options, TimeProvider clock,
        [FromKeyedServices(ConcurrencyRetry.ClockKey)] TimeProvider retryClock, ILogger<OutboxPipeline> logger)
    {
        (_scopes, _clock, _logger) = (scopes, clock, logger);
        _lanes = consumers.ToDictionary(c => c.Name, c => new Lane(c), StringComparer.Ordinal);
        // Room for every consumer's batch twice over, so the consumers a batch apart find each other's rows; never more than
        // RecentOutboxEvents.MostKept rows, whatever batch sizes are configured.
        _recent = new RecentOutboxEvents(Math.Min(2 * _lanes.Values.Sum(l => l.Consumer.BatchSize), RecentOutboxEvents.MostKept));
        (_linger, _retryClock) = (options.Value.Linger, retryClock);
        // The wait is between real threads: it runs on the retry clock (decision 017), not on the business clock tests freeze.
        _retry = new ResiliencePipelineBuilder { TimeProvider = retryClock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.Value.RetryAttempts),
                Delay = options.Value.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception
                    && !(exception is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
            })
            .Build();
    }

    /// <summary>The consumers' names, in registration order.</summary>
    public IReadOnlyCollection<string> ConsumerNames => _lanes.Keys;

    /// <summary>Runs one consumer until the outbox holds nothing new for it; returns how many events it delivered.</summary>
    public Task<int> RunAsync(string consumer, CancellationToken cancellationToken) =>
        ExclusiveAsync(consumer, () => DrainAsync(consumer, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="run"/> while no other run of <paramref name="consumer"/> goes on in this process.</summary>
    public async Task<T> ExclusiveAsync<T>(string consumer, Func<Task<T>> run, CancellationToken cancellationToken)
    {
        var lane = LaneOf(consumer);
        await lane.Gate.WaitAsync(cancellationToken);
        try
        {
            return await run();
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>Runs batches until the consumer is drained. Call inside <see cref="ExclusiveAsync{T}"/>.</summary>
    public async Task<int> DrainAsync(string consumer, CancellationToken cancellationToken)
    {
        var lane = LaneOf(consumer);
        var delivered = 0;
        while (await RunBatchAsync(lane.Consumer, cancellationToken) is { Passed: > 0 } batch)
        {
            delivered += batch.Delivered;
            // A batch shorter than the consumer's size took everything there was: at an ordinary load an event or two, and each
            // batch pays the pipeline's fixed cost (a scope, the reads, the consumer's own queries, a commit). A moment's wait
            // lets the events of that moment share the next batch; under a flood the batches are full and nothing waits.
            if (batch.Passed < lane.Consumer.BatchSize && _linger > TimeSpan.Zero)
                await Task.Delay(_linger, _retryClock, cancellationToken);
        }
        return delivered;
    }

    /// <summary>
    /// Runs one recorded event through its consumer again (with the same retries), leaving the checkpoint where it is; the failure
    /// and the attempts it took, or null when the consumer took it. Call inside <see cref="ExclusiveAsync{T}"/>.
    /// </summary>
    internal async Task<(Exception Error, int Attempts)?> ReplayAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        var lane = LaneOf(consumer);
        OutboxMessage message;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            message = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.Sequence == sequence, cancellationToken);
        }
        return await TryAsync(lane.Consumer, message, checkpointTo: null, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
            lane.Gate.Dispose();
    }

    private Lane LaneOf(string consumer) =>
        _lanes.TryGetValue(consumer, out var lane) ? lane : throw new InvalidOperationException($"No outbox consumer is named {consumer}.");

    private async Task<(int Passed, int Delivered)> RunBatchAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(consumer, cancellationToken);
        if (read.Messages.Count == 0)
            return (0, 0);
        var last = read.Messages[^1].Sequence;

        var deliverable = new List<OutboxMessage>();
        var held = new List<(OutboxMessage Message, long Behind)>();
        foreach (var message in read.Messages.Where(m => !read.Recorded.Contains(m.Sequence)))
        {
            if (read.Blocked.TryGetValue(AggregateOf(message), out var behind))
                held.Add((message, behind));
            else
                deliverable.Add(message);
        }
        if (held.Count > 0)
            await HoldAsync(consumer, held, cancellationToken);

        if (deliverable.Count > 1 && await TryBatchAsync(consumer, deliverable, last, cancellationToken))
        {
            if (!consumer.CommitsCheckpoint)
                await SaveCheckpointAsync(consumer.Name, last, cancellationToken);
            LogBatchHandled(_logger, consumer.Name, deliverable.Count, last);
            return (read.Messages.Count, deliverable.Count);
        }

        // One event at a time (a batch of one goes straight here): the one that still fails is the poison.
        var delivered = 0;
        long? checkpointed = null;
        foreach (var message in deliverable)
        {
            var aggregate = AggregateOf(message);
            if (read.Blocked.TryGetValue(aggregate, out var behind))
            {
                await HoldAsync(consumer, [(message, behind)], cancellationToken);
                continue;
            }
            if (await TryAsync(consumer, message, message.Sequence, cancellationToken) is { } failure)
            {
                await ParkAsync(consumer.Name, message, failure.Error, failure.Attempts, cancellationToken);
                read.Blocked[aggregate] = message.Sequence;
                continue;
            }
            if (!consumer.CommitsCheckpoint)
                await SaveCheckpointAsync(consumer.Name, message.Sequence, cancellationToken);
            delivered++;
            checkpointed = message.Sequence;
        }
        // Past what is parked or held at the batch's end: those rows are committed already. When the batch's last event was
        // delivered, its delivery moved the checkpoint there (with the consumer's rows, or just after): a batch of one, which is
        // every batch at a low rate, commits once, not twice.
        if (checkpointed != last)
            await SaveCheckpointAsync(consumer.Name, last, cancellationToken);
        return (read.Messages.Count, delivered);
    }

    /// <summary>True when the whole batch went through; false when it kept failing (logged), so the caller looks for the poison.</summary>
    private async Task<bool> TryBatchAsync(IOutboxConsumer consumer, List<OutboxMessage> messages, long checkpointTo, CancellationToken cancellationToken)
    {
        try
        {
            // An event that cannot be read back fails the batch like a consumer's fault, and is parked alone.
            var events = messages.Select(m => new OutboxEvent(m, _recent.EventOf(m))).ToList();
            var attempts = 0;
            await _retry.ExecuteAsync(async token =>
            {
                if (attempts++ > 0 && await CommittedAsync(consumer, checkpointTo, token))
                    return;
                await ConsumeAsync(consumer, new OutboxBatch(consumer.Name, events, checkpointTo, _clock), token);
            }, cancellationToken);
            return true;
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested) && !IsOutage(exception))
        {
            LogBatchFailed(_logger, exception, consumer.Name, messages[0].Sequence, messages[^1].Sequence);
            return false;
        }
    }

    private async Task<(Exception Error, int Attempts)?> TryAsync(IOutboxConsumer consumer, OutboxMessage message, long? checkpointTo, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            await _retry.ExecuteAsync(async token =>
            {
                if (attempts++ > 0 && checkpointTo is { } to && await CommittedAsync(consumer, to, token))
                    return;
                var batch = new OutboxBatch(consumer.Name, [new OutboxEvent(message, _recent.EventOf(message))], checkpointTo, _clock);
                await ConsumeAsync(consumer, batch, token);
            }, cancellationToken);
            return null;
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested) && !IsOutage(exception))
        {
            LogEventFailed(_logger, exception, consumer.Name, message.Sequence, message.EventType, attempts);
            return (exception, Math.Max(attempts, 1));
        }
    }

    /// <summary>
    /// Whether a consumer that commits its own checkpoint did commit this batch before it failed (a fault after its commit, in its
    /// notifications say): then a retry would apply the batch twice, so it stops here instead.
    /// </summary>
    private async Task<bool> CommittedAsync(IOutboxConsumer consumer, long checkpointTo, CancellationToken cancellationToken)
    {
        if (!consumer.CommitsCheckpoint)
            return false;
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().OutboxCheckpoints.AsNoTracking()
            .AnyAsync(c => c.Consumer == consumer.Name && c.LastSequence >= checkpointTo, cancellationToken);
    }

    private async Task ConsumeAsync(IOutboxConsumer consumer, OutboxBatch batch, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await consumer.ConsumeAsync(batch, scope.ServiceProvider, cancellationToken);
    }

    private async Task<BatchRead> ReadAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        // Which rows follow the checkpoint, from the database; the rows themselves from what another consumer read lately, where
        // kept (decision 082), the others read in full.
        var sequences = new List<long>();
        await foreach (var sequence in SequencesAfterCheckpoint(db, consumer.Name, consumer.BatchSize).WithCancellation(cancellationToken))
            sequences.Add(sequence);
        if (sequences.Count == 0)
            return new BatchRead([], [], []);
        var (first, last) = (sequences[0], sequences[^1]);
        var messages = await RowsAsync(db, sequences, cancellationToken);
        _recent.ReadUpTo(consumer.Name, last, _lanes.Keys);
        // The batch's events recorded already (parked or held by an earlier run), and the aggregates blocked while they have a
        // parked event: their held events wait behind the first one.
        var recorded = new HashSet<long>();
        var blocked = new Dictionary<(string, string), long>();
        await foreach (var row in ParkedRows(db, consumer.Name, first, last).WithCancellation(cancellationToken))
        {
            if (row.Sequence >= first && row.Sequence <= last)
                recorded.Add(row.Sequence);
            if (row.Status == ParkedEventStatus.Parked)
            {
                var aggregate = (row.AggregateType, row.AggregateId);
                blocked[aggregate] = blocked.TryGetValue(aggregate, out var earlier) ? Math.Min(earlier, row.Sequence) : row.Sequence;
            }
        }
        return new BatchRead(messages, recorded, blocked);
    }

    // The read's two statements, compiled once (as the capture's probe, OrderRepository): a batch of a few events, which is every
    // batch at an ordinary load, spent more of its CPU translating the queries' expression trees again (parameter extraction and
    // the query cache's look-up) than on the database's answers. The checkpoint is read inside the first statement.
    private static readonly Func<ErpDbContext, string, int, IAsyncEnumerable<long>> SequencesAfterCheckpoint =
        EF.CompileAsyncQuery((ErpDbContext db, string consumer, int batchSize) =>
            db.OutboxMessages
                .Where(m => m.Sequence > (db.OutboxCheckpoints.Where(c => c.Consumer == consumer).Select(c => (long?)c.LastSequence).FirstOrDefault() ?? 0))
                .OrderBy(m => m.Sequence).Take(batchSize).Select(m => m.Sequence));

    private static readonly Func<ErpDbContext, string, long, long, IAsyncEnumerable<ParkedRow>> ParkedRows =
        EF.CompileAsyncQuery((ErpDbContext db, string consumer, long first, long last) =>
            db.Set<ParkedEvent>().AsNoTracking()
                .Where(p => p.Consumer == consumer && (p.Status == ParkedEventStatus.Parked || (p.Sequence >= first && p.Sequence <= last)))
                .Select(p => new ParkedRow(p.Sequence, p.Status, p.AggregateType, p.AggregateId)));

    /// <summary>The rows of <paramref name="sequences"/>, in their order: those kept from a recent read, the rest read now and kept.</summary>
    private async Task<List<OutboxMessage>> RowsAsync(ErpDbContext db, List<long> sequences, CancellationToken cancellationToken)
    {
        var kept = _recent.Rows(sequences, out var missing);
        if (missing > 0)
        {
            var (first, last) = (sequences[0], sequences[^1]);
            var wanted = missing == sequences.Count ? null : sequences.Where((_, i) => kept[i] is null).ToList();
            var read = await (wanted is null
                    ? db.OutboxMessages.AsNoTracking().Where(m => m.Sequence >= first && m.Sequence <= last)
                    : db.OutboxMessages.AsNoTracking().Where(m => wanted.Contains(m.Sequence)))
                .ToDictionaryAsync(m => m.Sequence, cancellationToken);
            _recent.Keep(read.Values);
            for (var i = 0; i < kept.Length; i++)
                kept[i] ??= read.GetValueOrDefault(sequences[i])
                    ?? throw new InvalidOperationException($"Outbox row {sequences[i]} was listed but could not be read.");
        }
        return [.. kept.Select(m => m!)];
    }

    private async Task HoldAsync(IOutboxConsumer consumer, IReadOnlyList<(OutboxMessage Message, long Behind)> held, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var now = _clock.GetUtcNow();
        foreach (var (message, behind) in held)
        {
            db.Set<ParkedEvent>().Add(ParkedEvent.Hold(consumer.Name, message, behind, now));
            LogEventHeld(_logger, consumer.Name, message.Sequence, behind);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The parked row and its INTEGRATION_FAILURE case commit together, through the unit of work (which writes the case's event).</summary>
    private async Task ParkAsync(string consumer, OutboxMessage message, Exception error, int attempts, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var now = _clock.GetUtcNow();
        var parked = ParkedEvent.Park(consumer, message, error, attempts, now);
        await RecordParkedAsync(scope.ServiceProvider, parked, now, cancellationToken);
        var saved = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            throw new InvalidOperationException($"The parked event {message.Sequence} of {consumer} could not be recorded: {saved.Error}");
        LogEventParked(_logger, consumer, message.Sequence, message.EventType, attempts);
    }

    /// <summary>Adds a newly parked row and raises its case in <paramref name="services"/>' unit of work, unsaved.</summary>
    internal static async Task RecordParkedAsync(IServiceProvider services, ParkedEvent parked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ErpDbContext>();
        if (db.Entry(parked).State == EntityState.Detached)
            db.Set<ParkedEvent>().Add(parked);
        var raised = await services.GetRequiredService<IntegrationFailureCases>().RaiseAsync(parked.ToView(), now, cancellationToken);
        parked.ExceptionCaseId = raised.Value;
    }

    private async Task SaveCheckpointAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await new OutboxBatch(consumer, [], sequence, _clock).StageCheckpointAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A fault of what the consumer depends on, not of the event: a database that is busy or unreachable, Redis or the network away.
    /// It is no reason to park anything (every event would be parked): it ends the run after the retries, the checkpoint stays, and
    /// the next run starts again there. So is work that kept losing its compare-and-set races (<see cref="ContentionException"/>, a
    /// concurrency conflict): others were changing the same rows, which says nothing against the event. A statement the database
    /// refused (a constraint, say) is the event's fault and can be parked.
    /// </summary>
    internal static bool IsOutage(Exception exception)
    {
        for (var fault = exception; fault is not null; fault = fault.InnerException)
        {
            switch (fault)
            {
                case ContentionException or DbUpdateConcurrencyException:
                    return true;
                case DbUpdateException:
                    return fault.InnerException is System.Data.Common.DbException database && IsBusy(database);
                case System.Data.Common.DbException:
                    return true;
                case StackExchange.Redis.RedisException or TimeoutException or System.Net.Sockets.SocketException or IOException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A write the database did not refuse but could not take now (SQLite busy or locked, or what the provider calls transient).</summary>
    private static bool IsBusy(System.Data.Common.DbException database) =>
        database.IsTransient || database is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };

    private static (string, string) AggregateOf(OutboxMessage message) => (message.AggregateType, message.AggregateId);

    private sealed record Lane(IOutboxConsumer Consumer)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }

    private sealed record BatchRead(List<OutboxMessage> Messages, HashSet<long> Recorded, Dictionary<(string, string), long> Blocked);

    private sealed record ParkedRow(long Sequence, ParkedEventStatus Status, string AggregateType, string AggregateId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox consumer {Consumer} handled {Count} events, up to {Sequence}")]
    private static partial void LogBatchHandled(ILogger logger, string consumer, int count, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox consumer {Consumer} kept failing on events {From} to {To}; trying them one at a time")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string consumer, long from, long to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox consumer {Consumer} failed on event {Sequence} ({EventType}) after {Attempts} attempts")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string consumer, long sequence, string eventType, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox consumer {Consumer} parked event {Sequence} ({EventType}) after {Attempts} attempts; later events of its aggregate wait behind it")]
    private static partial void LogEventParked(ILogger logger, string consumer, long sequence, string eventType, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox consumer {Consumer} holds event {Sequence} behind parked event {Behind}")]
    private static partial void LogEventHeld(ILogger logger, string consumer, long sequence, long behind);
}
