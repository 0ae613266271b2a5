using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EcomErp.Application.Abstractions;
using EcomErp.Application.ParkedEvents;
using EcomErp.Application.ParkedEvents.ListParkedEvents;
using EcomErp.Application.ParkedEvents.RetryParkedEvent;
using EcomErp.Application.ParkedEvents.SkipParkedEvent;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Tests.Outbox;

/// <summary>The outbox pipeline (decision 050) on a real SQLite file: poison parking, held aggregates, retry and skip, lanes, crashes.</summary>
public sealed class OutboxPipelineTests
{
    private const string DomainEvents = DomainEventDispatchConsumer.ConsumerName;

    /// <summary>Two retries after the first attempt, no wait: a batch fails 3 times, then its poison event 3 times more.</summary>
    private const int AttemptsPerTry = 3;

    private static readonly Actor Admin = new("user:ops", "Ops", [Roles.Admin]);

    [Fact]
    public async Task AHandlerThatKeepsThrowing_IsParked_OtherAggregatesFlow_AndItsAggregateWaitsBehindIt()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2" };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        var (first, poisoned, third) = await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);

        await database.DispatchOutboxAsync();
        var failuresAfterParking = handled.Failures;
        var again = await database.DispatchOutboxAsync();
        await using var restarted = await database.StartNodeAsync(new Dictionary<string, string?>());
        var afterRestart = await restarted.DispatchOutboxAsync();

        Assert.Equal([(first, nameof(OrderCaptured)), (third, nameof(OrderCaptured))], handled.Delivered);
        Assert.Equal(2 * AttemptsPerTry, failuresAfterParking);
        Assert.Equal((0, 0, 2 * AttemptsPerTry), (again, afterRestart, handled.Failures));
        var rows = await RowsAsync(database);
        Assert.Equal(2, rows.Count);
        var parked = rows[0];
        Assert.Equal((ParkedEventStatus.Parked, nameof(OrderCaptured), poisoned.ToString(), AttemptsPerTry), (parked.Status, parked.EventType, parked.AggregateId, parked.Attempts));
        Assert.Equal(("System.InvalidOperationException", "Handler failed on WEB-2."), (parked.ErrorType, parked.ErrorMessage));
        Assert.Equal((ParkedEventStatus.Held, nameof(OrderValidated), parked.Sequence), (rows[1].Status, rows[1].EventType, rows[1].HeldBehind));
        Assert.Equal(await NewestSequenceAsync(database), await CheckpointAsync(database, DomainEvents));

        var exceptionCase = Assert.Single(await IntegrationFailureCasesAsync(database));
        Assert.Equal((ExceptionSubjectKind.OutboxEvent, parked.EventId, Roles.Admin, ExceptionCaseStatus.Open, parked.ExceptionCaseId),
            (exceptionCase.Subject.Kind, exceptionCase.Subject.Id, exceptionCase.Queue, exceptionCase.Status, (Guid?)exceptionCase.Id.Value));
        Assert.Contains(DomainEvents, exceptionCase.Reason, StringComparison.Ordinal);
        Assert.Contains($"event {parked.Sequence}", exceptionCase.Reason, StringComparison.Ordinal);

        var health = (await ParkedHealthAsync(database)).Entries[DependencyInjection.ParkedEventsHealthCheckName];
        Assert.Equal((HealthStatus.Degraded, 1, 1), (health.Status, (int)health.Data["parked"], (int)health.Data["held"]));
        Assert.Equal(1, ParkedGauge(database)[DomainEvents]);
        Assert.Equal(0, ParkedGauge(database)[ReadModelProjector.ConsumerName]);
    }

    /// <summary>
    /// Neither an outage of what the consumer depends on nor work that keeps losing its compare-and-set races says anything
    /// against the event: the run ends after its retries, nothing is parked, and the next run starts again at the checkpoint.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOutage_OrWorkThatKeepsLosingItsRaces_ParksNothing_AndTheNextRunStartsAgainAtTheCheckpoint(bool contention)
    {
        var handled = new HandledEvents { Outage = !contention, Contention = contention };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: false);

        var failed = await Assert.ThrowsAnyAsync<Exception>(database.DispatchOutboxAsync);
        var afterFailure = (await CheckpointOrNullAsync(database, DomainEvents), (await RowsAsync(database)).Count, handled.Failures);
        (handled.Outage, handled.Contention) = (false, false);
        var delivered = await database.DispatchOutboxAsync();

        Assert.IsType(contention ? typeof(ContentionException) : typeof(TimeoutException), failed);
        Assert.Equal(((long?)null, 0, AttemptsPerTry), afterFailure);
        Assert.Equal(3, delivered);
        Assert.Empty(await IntegrationFailureCasesAsync(database));
    }

    [Theory]
    [InlineData("DomainEventsBatchSize", "0", "DomainEventsBatchSize 1 to 5,000")]
    [InlineData("Linger", "00:00:02", "Linger 0 to 1 second")]
    [InlineData("Linger", "-00:00:00.010", "Linger 0 to 1 second")]
    [InlineData("WatchInterval", "00:02:00", "WatchInterval 0 to 1 minute")]
    public async Task TheBatchSizeTheLingerAndTheWatch_AreConfigurable_AndAValueOutOfRangeIsRefusedByName(string setting, string outOfRange, string rule)
    {
        await using var configured = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["EcomErp:Outbox:DomainEventsBatchSize"] = "200", ["EcomErp:Outbox:Linger"] = "00:00:00.025", ["EcomErp:Outbox:WatchInterval"] = "00:00:01",
            },
        });
        await using var misconfigured = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Settings = new Dictionary<string, string?> { [$"EcomErp:Outbox:{setting}"] = outOfRange },
        });

        Assert.Equal(200, configured.Services.GetRequiredService<DomainEventDispatchConsumer>().BatchSize);
        var options = configured.Services.GetRequiredService<IOptions<OutboxPipelineOptions>>().Value;
        Assert.Equal((TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(1)), (options.Linger, options.WatchInterval));
        var refused = Assert.Throws<OptionsValidationException>(() => misconfigured.Services.GetRequiredService<IOptions<OutboxPipelineOptions>>().Value);
        Assert.Contains(rule, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAfterTheFaultIsFixed_DeliversTheParkedEventThenTheOnesHeldBehindIt_InOrder_WithoutMovingTheCheckpoint()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2" };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        var (first, poisoned, third) = await SaveThreeOrdersAsync(database, validateThePoisonedOne: false);
        await database.DispatchOutboxAsync();
        // A later event of the parked event's aggregate, in a later run: held too.
        await ValidateAsync(database, poisoned);
        await database.DispatchOutboxAsync();
        var checkpoint = await CheckpointAsync(database, DomainEvents);
        var parked = (await RowsAsync(database))[0];

        handled.FailOnExternalId = null;
        var retried = await database.SendAsync<RetryParkedEvent, ParkedEventSettlement>(new RetryParkedEvent(parked.Id, Admin));

        Assert.True(retried.IsSuccess, retried.IsFailure ? retried.Error.ToString() : null);
        Assert.Equal((ParkedEventStatus.Delivered, 1, null), (retried.Value.Event.Status, retried.Value.FollowersDelivered, retried.Value.ParkedAgain));
        Assert.Equal([(first, nameof(OrderCaptured)), (third, nameof(OrderCaptured)), (poisoned, nameof(OrderCaptured)), (poisoned, nameof(OrderValidated))],
            handled.Delivered);
        Assert.All(await RowsAsync(database), row => Assert.Equal((ParkedEventStatus.Delivered, Admin.Id), (row.Status, row.SettledBy)));
        Assert.Equal(checkpoint, await CheckpointAsync(database, DomainEvents));
        var exceptionCase = Assert.Single(await IntegrationFailureCasesAsync(database));
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource), (exceptionCase.Status, exceptionCase.Resolution));
        Assert.Equal(HealthStatus.Healthy, (await ParkedHealthAsync(database)).Status);
        Assert.Equal(0, ParkedGauge(database)[DomainEvents]);
        Assert.Equal(1, await database.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Command == nameof(RetryParkedEvent) && e.SubjectKind == ParkedEventCommand.AuditKind
            && e.SubjectId == parked.Id.ToString())));

    }

    [Fact]
    public async Task SkippingAParkedEvent_NeverDeliversIt_AndReleasesTheEventsHeldBehindIt()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2" };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        var (first, poisoned, third) = await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);
        await database.DispatchOutboxAsync();
        var parked = (await RowsAsync(database))[0];

        var skipped = await database.SendAsync<SkipParkedEvent, ParkedEventSettlement>(new SkipParkedEvent(parked.Id, Admin, "The event names a SKU that was deleted."));

        Assert.True(skipped.IsSuccess, skipped.IsFailure ? skipped.Error.ToString() : null);
        Assert.Equal([(first, nameof(OrderCaptured)), (third, nameof(OrderCaptured)), (poisoned, nameof(OrderValidated))], handled.Delivered);
        var rows = await RowsAsync(database);
        Assert.Equal([ParkedEventStatus.Skipped, ParkedEventStatus.Delivered], rows.Select(r => r.Status));
        Assert.Equal(ExceptionCaseStatus.Resolved, Assert.Single(await IntegrationFailureCasesAsync(database)).Status);
    }

    /// <summary>
    /// Parked and held rows commit before the checkpoint passes their events: a run that starts again behind them (a crash in
    /// between) passes the events it finds recorded, neither delivering nor recording them a second time.
    /// </summary>
    [Fact]
    public async Task ARunStartingBehindParkedAndHeldEvents_PassesThemOnce_WithoutTryingOrRecordingThemAgain()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2" };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        var (first, _, third) = await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);
        await database.DispatchOutboxAsync();
        var (rowsBefore, failuresBefore, newest) = (await RowsAsync(database), handled.Failures, await NewestSequenceAsync(database));
        // As after a crash between recording the parked and held rows and moving the checkpoint past them.
        var behind = rowsBefore[0].Sequence - 1;
        await database.WithDbAsync(db => db.OutboxCheckpoints.Where(c => c.Consumer == DomainEvents)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastSequence, behind)));

        var delivered = await database.DispatchOutboxAsync();

        Assert.Equal(newest - behind - rowsBefore.Count, delivered);
        Assert.Equal(failuresBefore, handled.Failures);
        Assert.Equal(rowsBefore.Select(r => (r.Id, r.Status)), (await RowsAsync(database)).Select(r => (r.Id, r.Status)));
        Assert.Equal([(first, nameof(OrderCaptured)), (third, nameof(OrderCaptured))], handled.Delivered);
        Assert.Equal(newest, await CheckpointAsync(database, DomainEvents));
        Assert.Single(await IntegrationFailureCasesAsync(database));
    }

    [Fact]
    public async Task SettlingRefusals_AreCoded_AndChangeNothing()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2" };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);
        await database.DispatchOutboxAsync();
        var rows = await RowsAsync(database);
        var (parked, held) = (rows[0], rows[1]);

        var stillFailing = await database.SendAsync<RetryParkedEvent, ParkedEventSettlement>(new RetryParkedEvent(parked.Id, Admin));
        var unknown = await database.SendAsync<RetryParkedEvent, ParkedEventSettlement>(new RetryParkedEvent(Guid.NewGuid(), Admin));
        var notParked = await database.SendAsync<SkipParkedEvent, ParkedEventSettlement>(new SkipParkedEvent(held.Id, Admin, "Tried on a held event."));
        var notAdmin = await database.SendAsync<SkipParkedEvent, ParkedEventSettlement>(
            new SkipParkedEvent(parked.Id, new Actor("user:planner", "Planner", [Roles.Planner]), "Not mine to skip."));

        Assert.Equal(ParkedEventErrors.StillFailingCode, stillFailing.Error.Code);
        Assert.Equal(ParkedEventErrors.NotFoundCode, unknown.Error.Code);
        Assert.Equal(ParkedEventErrors.NotParkedCode, notParked.Error.Code);
        Assert.Equal(CommonErrors.NotPermitted, notAdmin.Error.Code);
        var after = await RowsAsync(database);
        Assert.Equal([ParkedEventStatus.Parked, ParkedEventStatus.Held], after.Select(r => r.Status));
        Assert.Equal(2 * AttemptsPerTry, after[0].Attempts);
        Assert.Equal(ExceptionCaseStatus.Open, Assert.Single(await IntegrationFailureCasesAsync(database)).Status);
    }

    [Fact]
    public async Task ListParkedEvents_PagesInOutboxOrder_AndFiltersByConsumerAndStatus()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2" };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);
        await database.DispatchOutboxAsync();

        var firstPage = await database.QueryAsync<ListParkedEvents, ParkedEventPage>(new ListParkedEvents(new ParkedEventListRequest(new ParkedEventFilter(DomainEvents), 1)));
        var secondPage = await database.QueryAsync<ListParkedEvents, ParkedEventPage>(
            new ListParkedEvents(new ParkedEventListRequest(new ParkedEventFilter(DomainEvents), 1, firstPage.Value.Cursors[0])));
        var heldOnly = await database.QueryAsync<ListParkedEvents, ParkedEventPage>(
            new ListParkedEvents(new ParkedEventListRequest(new ParkedEventFilter(Status: ParkedEventStatus.Held), 10)));
        var otherConsumer = await database.QueryAsync<ListParkedEvents, ParkedEventPage>(
            new ListParkedEvents(new ParkedEventListRequest(new ParkedEventFilter(ReadModelProjector.ConsumerName), 10)));
        var tooLarge = await database.QueryAsync<ListParkedEvents, ParkedEventPage>(new ListParkedEvents(new ParkedEventListRequest(new ParkedEventFilter(), 101)));

        Assert.Equal((ParkedEventStatus.Parked, true, 2), (Assert.Single(firstPage.Value.Items).Status, firstPage.Value.HasNextPage, firstPage.Value.TotalCount));
        Assert.Equal((ParkedEventStatus.Held, false), (Assert.Single(secondPage.Value.Items).Status, secondPage.Value.HasNextPage));
        Assert.Equal(ParkedEventStatus.Held, Assert.Single(heldOnly.Value.Items).Status);
        Assert.Empty(otherConsumer.Value.Items);
        Assert.Equal(CommonErrors.ValidationFailed, tooLarge.Error.Code);
    }

    [Fact]
    public async Task ASlowConsumer_DoesNotHoldBackAFastOne_AndEachCheckpointIsItsOwn()
    {
        var slow = new SlowConsumer();
        var handled = new HandledEvents();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services =>
            {
                handled.Register(services);
                services.AddSingleton(slow);
                services.AddOutboxConsumer<SlowConsumer>("slow-test");
            },
        });
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: false);
        var pipeline = database.Services.GetRequiredService<OutboxPipeline>();

        var slowRun = Task.Run(() => pipeline.RunAsync(SlowConsumer.ConsumerName, CancellationToken.None));
        await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var fast = await database.DispatchOutboxAsync();
        var whileSlowWorks = (await CheckpointAsync(database, DomainEvents), await CheckpointOrNullAsync(database, SlowConsumer.ConsumerName));
        slow.Release.SetResult();
        var slowDelivered = await slowRun.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, fast);
        Assert.Equal((3L, (long?)null), whileSlowWorks);
        Assert.Equal(3, slowDelivered);
        Assert.Equal(3, await CheckpointAsync(database, SlowConsumer.ConsumerName));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABatchOfOneEvent_CommitsOnce_WithTheCheckpointAtTheEvent(bool consumerCommitsCheckpoint)
    {
        var commits = new CommitCounter();
        var consumer = consumerCommitsCheckpoint ? (IOutboxConsumer)new TallyConsumer() : new FirstReader();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services =>
            {
                services.AddSingleton(consumer.GetType(), consumer);
                if (consumer is TallyConsumer)
                    services.AddOutboxConsumer<TallyConsumer>(TallyConsumer.ConsumerName);
                else
                    services.AddOutboxConsumer<FirstReader>("first-test");
                services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(commits));
            },
        });
        await OrderPersistenceTests.SaveCapturedAsync(database, "WEB-1");
        var newest = await NewestSequenceAsync(database);
        Assert.Equal(1, await database.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        var pipeline = database.Services.GetRequiredService<OutboxPipeline>();
        var before = commits.Count;

        Assert.Equal(1, await pipeline.RunAsync(consumer.Name, CancellationToken.None));

        Assert.Equal(1, commits.Count - before);
        Assert.Equal(newest, await CheckpointAsync(database, consumer.Name));
    }

    /// <summary>
    /// After a batch that took everything there was, a run waits the linger before it reads again (decision 084), so the events
    /// committed meanwhile share one batch; a full batch reads on at once. The waits run on the retry clock, here a fake one the
    /// test moves.
    /// </summary>
    [Fact]
    public async Task AfterAShortBatch_TheRunWaitsTheLinger_SoTheEventsOfThatMomentShareTheNextBatch_AndAFullBatchNeverWaits()
    {
        var (waits, recorder) = (new WaitClock(), new BatchRecorder());
        var linger = TimeSpan.FromMilliseconds(20);
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Settings = new Dictionary<string, string?> { ["EcomErp:Outbox:Linger"] = "00:00:00.020" },
            Services = services => services.AddKeyedSingleton<TimeProvider>(ConcurrencyRetry.ClockKey, waits)
                .AddSingleton(recorder).AddOutboxConsumer<BatchRecorder>(recorder.Name),
        });
        var pipeline = database.Services.GetRequiredService<OutboxPipeline>();

        // Exactly a batch's worth: one full batch, then a read that finds nothing, and no wait.
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: false);
        var full = await SequencesAfterAsync(database, 0);
        recorder.BatchSize = full.Count;
        await pipeline.RunAsync(recorder.Name, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var waitedAfterTheFullBatch = waits.Waits;

        await OrderPersistenceTests.SaveCapturedAsync(database, "WEB-4");
        var alone = await SequencesAfterAsync(database, full[^1]);
        var run = pipeline.RunAsync(recorder.Name, CancellationToken.None);
        await waits.WaitingAsync(1);
        await OrderPersistenceTests.SaveCapturedAsync(database, "WEB-5");
        await OrderPersistenceTests.SaveCapturedAsync(database, "WEB-6");
        var together = await SequencesAfterAsync(database, alone[^1]);
        waits.Advance(linger);
        await waits.WaitingAsync(2);
        waits.Advance(linger);
        var delivered = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, waitedAfterTheFullBatch);
        Assert.Equal(alone.Count + together.Count, delivered);
        Assert.Equal([full, alone, together], recorder.Batches);
        Assert.Equal(2, waits.Waits);
    }

    private static Task<List<long>> SequencesAfterAsync(ErpTestHost database, long sequence) => database.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.Sequence > sequence).OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync());

    /// <summary>The retry clock of a test: a fake clock that counts the waits started on it and lets the test await them.</summary>
    private sealed class WaitClock : Microsoft.Extensions.Time.Testing.FakeTimeProvider
    {
        private readonly Channel<int> _started = Channel.CreateUnbounded<int>();
        private int _waits;
        private int _awaited;

        public int Waits => Volatile.Read(ref _waits);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _started.Writer.TryWrite(Interlocked.Increment(ref _waits));
            return timer;
        }

        /// <summary>Returns once <paramref name="count"/> waits in all have started; a run that never waits fails it after 30 s.</summary>
        public async Task WaitingAsync(int count)
        {
            for (; _awaited < count; _awaited++)
                await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A consumer that records the sequences of each batch it is given.</summary>
    private sealed class BatchRecorder : IOutboxConsumer
    {
        private readonly ConcurrentQueue<List<long>> _batches = new();

        public IReadOnlyList<List<long>> Batches => [.. _batches];
        public string Name => "batch-recorder-test";
        public int BatchSize { get; set; } = 100;
        public bool CommitsCheckpoint => false;

        public Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken)
        {
            _batches.Enqueue([.. batch.Events.Select(e => e.Message.Sequence)]);
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts the transactions committed on the file (a group's, or a save's own).</summary>
    private sealed class CommitCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction,
            Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task TwoConsumersOfTheSameRows_ReadThemInFullOnce_AndEachGetsEveryEventInOrder_TheSecondTheEventsTheFirstReadBack()
    {
        var (first, second) = (new FirstReader(), new SecondReader());
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services =>
            {
                services.AddSingleton(first).AddOutboxConsumer<FirstReader>(first.Name);
                services.AddSingleton(second).AddOutboxConsumer<SecondReader>(second.Name);
            },
        });
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);
        var pipeline = database.Services.GetRequiredService<OutboxPipeline>();
        var stored = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync());

        IReadOnlyCollection<string> texts;
        using (var commands = new EfCoreCommands(database.Directory))
        {
            Assert.Equal(stored.Count, await pipeline.RunAsync(first.Name, CancellationToken.None));
            Assert.Equal(stored.Count, await pipeline.RunAsync(second.Name, CancellationToken.None));
            texts = [.. commands.Texts];
        }

        Assert.Equal(stored, first.Seen.Select(e => e.Message.Sequence));
        Assert.Equal(stored, second.Seen.Select(e => e.Message.Sequence));
        Assert.All(first.Seen.Zip(second.Seen), pair => Assert.Same(pair.First.Event, pair.Second.Event));
        // The rows' contents were read once, by the first consumer; the second asked only which rows follow its checkpoint.
        Assert.Single(texts, t => t.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal) && t.Contains("\"Payload\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACrashAfterAConsumerCommitted_OrBeforeIt_NeverDoublesItsEffects()
    {
        var tally = new TallyConsumer();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services =>
            {
                services.Configure<OutboxPipelineOptions>(o => (o.RetryAttempts, o.RetryBaseDelay) = (AttemptsPerTry - 1, TimeSpan.Zero));
                services.AddSingleton(tally);
                services.AddOutboxConsumer<TallyConsumer>("tally-test");
            },
        });
        var pipeline = database.Services.GetRequiredService<OutboxPipeline>();
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);

        // Killed mid-batch, before its commit: nothing of the batch stays, the checkpoint with it.
        using (var kill = new CancellationTokenSource())
        {
            tally.KillBeforeCommit = kill;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(TallyConsumer.ConsumerName, kill.Token));
        }
        var afterKill = (await TallyAsync(database), await CheckpointOrNullAsync(database, TallyConsumer.ConsumerName));
        // Fails right after its commit (its notifications, say): the retry finds the batch committed and does not apply it again.
        tally.FailAfterCommitOnce = true;
        var delivered = await pipeline.RunAsync(TallyConsumer.ConsumerName, CancellationToken.None);

        Assert.Equal((0L, (long?)null), afterKill);
        Assert.Equal(4, delivered);
        Assert.Equal(4, await TallyAsync(database));
        Assert.Equal(4, await CheckpointAsync(database, TallyConsumer.ConsumerName));
        Assert.Empty(await RowsAsync(database));
    }

    [Fact]
    public async Task ACrashBetweenTheAutomationsWorkAndItsCheckpoint_RedeliversTheBatch_AndTheIdempotentHandlerAppliesEachEventOnce()
    {
        var handled = new HandledEvents();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        await SaveThreeOrdersAsync(database, validateThePoisonedOne: true);
        var pipeline = database.Services.GetRequiredService<OutboxPipeline>();

        using (var kill = new CancellationTokenSource())
        {
            // The process dies after two events' effects committed, before the pipeline saved the checkpoint.
            handled.KillAfter = (2, kill);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(DomainEvents, kill.Token));
        }
        var checkpointAfterKill = await CheckpointOrNullAsync(database, DomainEvents);
        handled.KillAfter = null;
        await pipeline.RunAsync(DomainEvents, CancellationToken.None);

        Assert.Null(checkpointAfterKill);
        Assert.Equal(6, handled.Deliveries);
        Assert.Equal(4, handled.Delivered.Count);
        Assert.Equal(4, await CheckpointAsync(database, DomainEvents));
    }

    private static async Task<(Guid First, Guid Poisoned, Guid Third)> SaveThreeOrdersAsync(ErpTestHost database, bool validateThePoisonedOne)
    {
        var first = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        var poisoned = new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start.AddMinutes(1)).Build();
        if (validateThePoisonedOne)
            poisoned.Validate(5, Actor.System, ErpTestHost.Start.AddMinutes(2));
        var third = new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start.AddMinutes(3)).Build();
        foreach (var order in new[] { first, poisoned, third })
            await OrderPersistenceTests.SaveAsync(database, order);
        return (first.Id.Value, poisoned.Id.Value, third.Id.Value);
    }

    private static Task ValidateAsync(ErpTestHost database, Guid orderId) => database.InScopeAsync(async sp =>
    {
        var order = await sp.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), default)
            ?? throw new InvalidOperationException("The order is not stored.");
        order.Validate(5, Actor.System, ErpTestHost.Start.AddMinutes(10));
        Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
    });

    private static Task<List<ParkedEvent>> RowsAsync(ErpTestHost database) =>
        database.WithDbAsync(db => db.Set<ParkedEvent>().AsNoTracking().OrderBy(p => p.Sequence).ToListAsync());

    private static async Task<List<ExceptionCase>> IntegrationFailureCasesAsync(ErpTestHost database) =>
        [.. (await database.WithDbAsync(db => db.ExceptionCases.AsNoTracking().ToListAsync())).Where(c => c.Type == ExceptionType.IntegrationFailure)];

    private static Task<long> NewestSequenceAsync(ErpTestHost database) => database.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => m.Sequence));

    private static async Task<long> CheckpointAsync(ErpTestHost database, string consumer) =>
        await CheckpointOrNullAsync(database, consumer) ?? throw new InvalidOperationException($"{consumer} has no checkpoint.");

    private static Task<long?> CheckpointOrNullAsync(ErpTestHost database, string consumer) => database.WithDbAsync(db =>
        db.OutboxCheckpoints.Where(c => c.Consumer == consumer).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync());

    private static async Task<long> TallyAsync(ErpTestHost database) => await CheckpointOrNullAsync(database, TallyConsumer.TallyRow) ?? 0;

    private static Task<HealthReport> ParkedHealthAsync(ErpTestHost database) =>
        database.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == DependencyInjection.ParkedEventsHealthCheckName);

    /// <summary>The <c>ecomerp.outbox.parked</c> gauge of this host, per consumer, as a collector reads it.</summary>
    private static Dictionary<string, int> ParkedGauge(ErpTestHost database)
    {
        database.Services.GetRequiredService<ParkedEventMetrics>();
        var factory = database.Services.GetRequiredService<IMeterFactory>();
        using var gauge = new MetricCollector<int>(factory, ProjectionLagMetrics.MeterName, ParkedEventMetrics.GaugeName);
        gauge.RecordObservableInstruments();
        return gauge.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["consumer"]!, m => m.Value, StringComparer.Ordinal);
    }

    /// <summary>What the test's order-event handler received: each event's effect once (it is idempotent), and every delivery.</summary>
    private sealed class HandledEvents
    {
        private readonly ConcurrentQueue<(Guid, string)> _delivered = new();
        private int _failures;
        private int _deliveries;

        public string? FailOnExternalId { get; set; }

        /// <summary>Every event fails as if the database or the network were away.</summary>
        public bool Outage { get; set; }

        /// <summary>Every event's work loses its compare-and-set race, as under others' steady changes to the same rows.</summary>
        public bool Contention { get; set; }

        public (int After, CancellationTokenSource Kill)? KillAfter { get; set; }
        public IReadOnlyList<(Guid OrderId, string Event)> Delivered => [.. _delivered];
        public int Failures => _failures;
        public int Deliveries => _deliveries;

        public void Register(IServiceCollection services)
        {
            services.AddSingleton(this);
            services.AddScoped<IDomainEventHandler<OrderEvent>, RecordingHandler>();
            services.Configure<OutboxPipelineOptions>(o => (o.RetryAttempts, o.RetryBaseDelay) = (AttemptsPerTry - 1, TimeSpan.Zero));
        }

        public void Record(OrderEvent domainEvent, CancellationToken cancellationToken)
        {
            if (KillAfter is { } kill && _deliveries >= kill.After)
            {
                kill.Kill.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (Outage)
            {
                Interlocked.Increment(ref _failures);
                throw new TimeoutException("The store did not answer.");
            }
            if (Contention)
            {
                Interlocked.Increment(ref _failures);
                throw new ContentionException("The order kept changing.");
            }
            if (domainEvent is OrderCaptured captured && captured.ExternalOrderId == FailOnExternalId)
            {
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException($"Handler failed on {captured.ExternalOrderId}.");
            }
            Interlocked.Increment(ref _deliveries);
            var effect = (domainEvent.OrderId, domainEvent.GetType().Name);
            if (!_delivered.Contains(effect))
                _delivered.Enqueue(effect);
        }
    }

    private sealed class RecordingHandler(HandledEvents handled) : IDomainEventHandler<OrderEvent>
    {
        public Task HandleAsync(OrderEvent domainEvent, CancellationToken cancellationToken)
        {
            handled.Record(domainEvent, cancellationToken);
            return Task.CompletedTask;
        }
    }

    /// <summary>A consumer that records the events it is given, in order.</summary>
    private abstract class RecordingConsumer(string name) : IOutboxConsumer
    {
        public ConcurrentQueue<OutboxEvent> Seen { get; } = new();
        public string Name => name;
        public int BatchSize => 100;
        public bool CommitsCheckpoint => false;

        public Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken)
        {
            foreach (var outboxEvent in batch.Events)
                Seen.Enqueue(outboxEvent);
            return Task.CompletedTask;
        }
    }

    private sealed class FirstReader() : RecordingConsumer("first-test");

    private sealed class SecondReader() : RecordingConsumer("second-test");

    /// <summary>A consumer that stops in its first batch until the test lets it go.</summary>
    private sealed class SlowConsumer : IOutboxConsumer
    {
        public const string ConsumerName = "slow-test";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => ConsumerName;
        public int BatchSize => 100;
        public bool CommitsCheckpoint => false;

        public async Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A consumer that writes rows of its own: a tally of the order events it applied (a row of the checkpoints table, so the test
    /// needs no table of its own), committed with its checkpoint.
    /// </summary>
    private sealed class TallyConsumer : IOutboxConsumer
    {
        public const string ConsumerName = "tally-test";
        public const string TallyRow = "tally-test:effects";

        public CancellationTokenSource? KillBeforeCommit { get; set; }
        public bool FailAfterCommitOnce { get; set; }
        public string Name => ConsumerName;
        public int BatchSize => 100;
        public bool CommitsCheckpoint => true;

        public async Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken)
        {
            var db = services.GetRequiredService<ErpDbContext>();
            var tally = await db.OutboxCheckpoints.FirstOrDefaultAsync(c => c.Consumer == TallyRow, cancellationToken);
            if (tally is null)
                db.OutboxCheckpoints.Add(tally = new OutboxCheckpoint(TallyRow));
            var applied = batch.Events.Count(e => e.Event is OrderEvent);
            tally.Advance(tally.LastSequence + applied, ErpTestHost.Start);
            if (KillBeforeCommit is { } kill)
            {
                KillBeforeCommit = null;
                await kill.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
            await batch.StageCheckpointAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (FailAfterCommitOnce)
            {
                FailAfterCommitOnce = false;
                throw new InvalidOperationException("Failed after the commit.");
            }
        }
    }
}
