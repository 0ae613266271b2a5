using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.Outbox;

/// <summary>
/// The worker's look at the outbox's head (decision 086): the commits of another process on the same file, which cannot reach
/// this process's job queue, get their run from it.
/// </summary>
public sealed class OutboxHeadWatchTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingJobClient _jobs = new();
    private readonly InProcessNotificationBus _bus = new(NullLogger<InProcessNotificationBus>.Instance);
    private ErpTestHost _worker = null!;
    private ErpTestHost _api = null!;
    private OutboxTrigger _trigger = null!;

    public async Task InitializeAsync()
    {
        _worker = await ErpTestHost.StartAsync(TestDatabase.Options);
        // Another process on the same file: its commits signal its own trigger, never this one's.
        _api = await _worker.StartNodeAsync(new Dictionary<string, string?>());
        _trigger = new OutboxTrigger(_jobs, _clock, NullLogger<OutboxTrigger>.Instance, _bus,
            _worker.Services.GetServices<OutboxConsumerRegistration>());
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _worker.DisposeAsync();
    }

    public void Dispose()
    {
        _trigger.Dispose();
        _bus.Dispose();
    }

    private OutboxHeadWatch Watch() => new(_worker.Services.GetRequiredService<IServiceScopeFactory>(), _trigger,
        Options.Create(new OutboxPipelineOptions { WatchInterval = Interval }), _clock, NullLogger<OutboxHeadWatch>.Instance);

    private Task CommitOnTheOtherProcessAsync(string externalId) => OrderPersistenceTests.SaveCapturedAsync(_api, externalId);

    [Fact]
    public async Task AHeadMovedByAnotherProcess_AsksForARunOfEveryConsumer_AndAHeadThatStayedAsksForNone()
    {
        var watch = Watch();
        await CommitOnTheOtherProcessAsync("WEB-1");
        await watch.LookAsync(CancellationToken.None);
        var afterFirstLook = _jobs.Created.Count;

        await CommitOnTheOtherProcessAsync("WEB-2");
        await watch.LookAsync(CancellationToken.None);
        var afterMove = _jobs.Created.Select(j => j.Type).ToList();
        // The runs start (nothing pending any more): a look at the same head still asks for nothing.
        _trigger.RunStarted(typeof(DomainEventDispatchConsumer));
        _trigger.RunStarted(typeof(ReadModelProjector));
        await watch.LookAsync(CancellationToken.None);

        Assert.Equal(0, afterFirstLook);
        Assert.Equal([typeof(OutboxConsumerJob<DomainEventDispatchConsumer>), typeof(OutboxConsumerJob<ReadModelProjector>)], afterMove);
        Assert.Equal(2, _jobs.Created.Count);
    }

    [Fact]
    public async Task OnceStarted_TheWatchLooksEveryInterval_OnItsClock()
    {
        using var watch = Watch();
        // Starting notes the head (of an empty log here), so what follows is a move.
        await watch.StartAsync(CancellationToken.None);
        await CommitOnTheOtherProcessAsync("WEB-1");

        _clock.Advance(Interval);

        await _jobs.WhenCreated(2).WaitAsync(TimeSpan.FromSeconds(30));
        await watch.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ALookThatFails_IsLoggedOncePerFailingSpell_AndTheWatchGoesOnLooking()
    {
        var logs = new FakeLogger<OutboxHeadWatch>();
        var watch = new OutboxHeadWatch(_worker.Services.GetRequiredService<IServiceScopeFactory>(), _trigger,
            Options.Create(new OutboxPipelineOptions { WatchInterval = Interval }), _clock, logs);
        await watch.LookAsync(CancellationToken.None);

        // The log's table away (as a database that cannot answer): two failed looks, one warning.
        await _worker.ExecuteSqlAsync("ALTER TABLE OutboxMessages RENAME TO OutboxMessagesAway");
        await watch.LookAsync(CancellationToken.None);
        await watch.LookAsync(CancellationToken.None);
        var duringTheFirstSpell = logs.Collector.Count;
        await _worker.ExecuteSqlAsync("ALTER TABLE OutboxMessagesAway RENAME TO OutboxMessages");
        await CommitOnTheOtherProcessAsync("WEB-1");
        await watch.LookAsync(CancellationToken.None);
        var jobsAfterRecovery = _jobs.Created.Count;
        await _worker.ExecuteSqlAsync("ALTER TABLE OutboxMessages RENAME TO OutboxMessagesAway");
        await watch.LookAsync(CancellationToken.None);

        Assert.Equal(1, duringTheFirstSpell);
        Assert.Equal(2, jobsAfterRecovery);
        Assert.Equal(2, logs.Collector.Count);
        Assert.All(logs.Collector.GetSnapshot(), record => Assert.Equal(LogLevel.Warning, record.Level));
        Assert.Contains("SqliteException", logs.Collector.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", false, 0)]
    [InlineData("Sqlite", true, 2)]
    [InlineData("SqlServer", false, 2)]
    public void OnTheEmbeddedDefault_OnlyAProcessRunningTheWorker_EnqueuesJobs_WhereAServerCanTakeThem(string databaseProvider, bool worker, int enqueued)
    {
        var jobs = new RecordingJobClient();
        using var container = RecordingJobClient.Process(databaseProvider, worker, jobs);

        container.GetRequiredService<OutboxTrigger>().Notify();

        Assert.Equal(enqueued, jobs.Created.Count);
    }
}
