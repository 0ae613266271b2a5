using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Fixtures;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.Outbox;

public sealed class OutboxTriggerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingJobClient _jobs = new();
    // The bus between the nodes of a test (one per node in production; Redis between them).
    private readonly InProcessNotificationBus _bus = new(NullLogger<InProcessNotificationBus>.Instance);
    private readonly List<OutboxTrigger> _triggers = [];

    private OutboxTrigger Trigger(params OutboxConsumerRegistration[] consumers) =>
        Trigger(_jobs, _bus, consumers.Length == 0 ? [Registration<DomainEventDispatchConsumer>()] : consumers);

    private OutboxTrigger Trigger(IBackgroundJobClient jobs, INotificationBus bus, OutboxConsumerRegistration[] consumers)
    {
        var trigger = new OutboxTrigger(jobs, _time, NullLogger<OutboxTrigger>.Instance, bus, consumers);
        _triggers.Add(trigger);
        return trigger;
    }

    /// <summary>The registration AddOutboxConsumer makes, read back from a service collection.</summary>
    private static OutboxConsumerRegistration Registration<TConsumer>() where TConsumer : class, IOutboxConsumer =>
        (OutboxConsumerRegistration)new ServiceCollection().AddOutboxConsumer<TConsumer>("recurring")
            .Single(d => d.ServiceType == typeof(OutboxConsumerRegistration)).ImplementationInstance!;

    public void Dispose()
    {
        foreach (var trigger in _triggers)
            trigger.Dispose();
        _bus.Dispose();
    }

    [Fact]
    public void CommitsBeforeARunStarts_EnqueueOneDispatch()
    {
        var trigger = Trigger();

        trigger.Notify();
        trigger.Notify();
        trigger.Notify();

        var job = Assert.Single(_jobs.Created);
        Assert.Equal(typeof(OutboxConsumerJob<DomainEventDispatchConsumer>), job.Type);
    }

    [Fact]
    public void CommitAfterARunStarted_EnqueuesTheNextDispatch()
    {
        var trigger = Trigger();
        trigger.Notify();

        trigger.RunStarted(typeof(DomainEventDispatchConsumer));
        trigger.Notify();

        Assert.Equal(2, _jobs.Created.Count);
    }

    [Fact]
    public void ARunStartingOnThisNode_CoversTheCommitsHeldBackBeforeIt_AndItsOwnAnnouncementAsksForNoOtherRun()
    {
        var trigger = Trigger();
        trigger.Notify();
        trigger.Notify();

        trigger.RunStarted(typeof(DomainEventDispatchConsumer));

        Assert.Single(_jobs.Created);
    }

    [Fact]
    public async Task ThisNodesOwnAnnouncement_HeardBackLate_AsksForNoSecondRun()
    {
        var trigger = Trigger();
        OutboxRunStarted? announced = null;
        using var listener = _bus.Observe<OutboxRunStarted>().Subscribe(started => announced = started);
        trigger.RunStarted(typeof(DomainEventDispatchConsumer));
        trigger.Notify();
        trigger.Notify();

        // Over Redis a node hears its own announcement too, after its own run may already have cleared the flag.
        await _bus.PublishAsync(announced!, CancellationToken.None);

        Assert.Single(_jobs.Created);
    }

    [Fact]
    public void ARunStartingOnTheWorkerNode_LetsTheApiNodesNextCommitEnqueueARun()
    {
        var apiJobs = new RecordingJobClient();
        var api = Trigger(apiJobs, _bus, [Registration<DomainEventDispatchConsumer>()]);
        var worker = Trigger();
        api.Notify();

        // The worker ran the job the api node enqueued, and drained; the api node's clock has not moved.
        worker.RunStarted(typeof(DomainEventDispatchConsumer));
        api.Notify();

        Assert.Equal(2, apiJobs.Created.Count);
        Assert.Empty(_jobs.Created);
    }

    [Fact]
    public void ACommitHeldBackOnTheApiNode_WhenARunStartsOnTheWorker_GetsARunOfItsOwn_AndOnlyForItsConsumer()
    {
        var apiJobs = new RecordingJobClient();
        var api = Trigger(apiJobs, _bus, [Registration<DomainEventDispatchConsumer>(), Registration<ReadModelProjector>()]);
        var worker = Trigger(Registration<DomainEventDispatchConsumer>(), Registration<ReadModelProjector>());
        api.Notify();
        api.Notify();

        // The announcement comes after the run's start: the commit held back may have come too late for that run.
        worker.RunStarted(typeof(DomainEventDispatchConsumer));

        Assert.Equal([typeof(OutboxConsumerJob<DomainEventDispatchConsumer>), typeof(OutboxConsumerJob<ReadModelProjector>),
            typeof(OutboxConsumerJob<DomainEventDispatchConsumer>)], apiJobs.Created.Select(j => j.Type));
        // Nothing was held back behind the new job: the next run's start asks for nothing more.
        worker.RunStarted(typeof(DomainEventDispatchConsumer));
        Assert.Equal(3, apiJobs.Created.Count);
    }

    [Fact]
    public async Task OverRedis_ARunStartingOnTheWorkerNode_ReachesTheApiNode()
    {
        using var nodes = new TwoRedisNodes(redis.ConnectionString);
        var (apiBus, workerBus) = (nodes.A, nodes.B);
        var apiJobs = new RecordingJobClient();
        var api = Trigger(apiJobs, apiBus, [Registration<DomainEventDispatchConsumer>()]);
        var worker = Trigger(new RecordingJobClient(), workerBus, [Registration<DomainEventDispatchConsumer>()]);
        // Both nodes subscribe to the announcements' channel before the test goes on.
        Assert.True(await apiBus.HearsItselfAsync(TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
        Assert.True(await workerBus.HearsItselfAsync(TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
        api.Notify();
        api.Notify();

        worker.RunStarted(typeof(DomainEventDispatchConsumer));

        await apiJobs.WhenCreated(2).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void PendingDispatch_Expires_SoAnAnnouncementLostWithTheBusLeavesNoCommitWaiting()
    {
        var trigger = Trigger();
        trigger.Notify();

        _time.Advance(TimeSpan.FromSeconds(6));
        trigger.Notify();

        Assert.Equal(2, _jobs.Created.Count);
    }

    [Fact]
    public void ACommit_EnqueuesOneJobPerConsumer_AndARunStartingClearsOnlyItsOwnConsumer()
    {
        var trigger = Trigger(Registration<DomainEventDispatchConsumer>(), Registration<ReadModelProjector>());
        trigger.Notify();

        trigger.RunStarted(typeof(ReadModelProjector));
        trigger.Notify();

        Assert.Equal([typeof(OutboxConsumerJob<DomainEventDispatchConsumer>), typeof(OutboxConsumerJob<ReadModelProjector>),
            typeof(OutboxConsumerJob<ReadModelProjector>)], _jobs.Created.Select(j => j.Type));
    }

    [Fact]
    public void FailedEnqueue_DoesNotFailTheCommitAndTheNextCommitTriesAgain()
    {
        var trigger = Trigger();
        _jobs.Fail = true;
        trigger.Notify();

        _jobs.Fail = false;
        trigger.Notify();

        Assert.Single(_jobs.Created);
    }
}
