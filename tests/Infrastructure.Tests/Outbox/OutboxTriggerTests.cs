using EcomErp.Infrastructure.Outbox;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.Outbox;

public sealed class OutboxTriggerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingJobClient _jobs = new();

    private OutboxTrigger Trigger() => new(_jobs, _time, NullLogger<OutboxTrigger>.Instance);

    [Fact]
    public void CommitsBeforeARunStarts_EnqueueOneDispatch()
    {
        var trigger = Trigger();

        trigger.Notify();
        trigger.Notify();
        trigger.Notify();

        var job = Assert.Single(_jobs.Created);
        Assert.Equal(typeof(OutboxDispatchJob), job.Type);
    }

    [Fact]
    public void CommitAfterARunStarted_EnqueuesTheNextDispatch()
    {
        var trigger = Trigger();
        trigger.Notify();

        trigger.RunStarted();
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
