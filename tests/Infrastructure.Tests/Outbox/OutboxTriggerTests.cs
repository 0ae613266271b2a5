using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels.Projection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.Outbox;

public sealed class OutboxTriggerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingJobClient _jobs = new();

    private OutboxTrigger Trigger() => new(_jobs, _time, NullLogger<OutboxTrigger>.Instance, [Registration<DomainEventDispatchConsumer>()]);

    /// <summary>The registration AddOutboxConsumer makes, read back from a service collection.</summary>
    private static OutboxConsumerRegistration Registration<TConsumer>() where TConsumer : class, IOutboxConsumer =>
        (OutboxConsumerRegistration)new ServiceCollection().AddOutboxConsumer<TConsumer>("recurring")
            .Single(d => d.ServiceType == typeof(OutboxConsumerRegistration)).ImplementationInstance!;

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
    public void PendingDispatchStartedOnAnotherNode_ExpiresSoCommitsAreNotLeftWaiting()
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
        var trigger = new OutboxTrigger(_jobs, _time, NullLogger<OutboxTrigger>.Instance,
            [Registration<DomainEventDispatchConsumer>(), Registration<ReadModelProjector>()]);
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

    /// <summary>Hangfire's client, recording the jobs it is asked to create.</summary>
    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];
        public bool Fail { get; set; }

        public string Create(Job job, IState state)
        {
            if (Fail)
                throw new InvalidOperationException("storage is down");
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
