using EcomErp.Infrastructure.Outbox;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// The Hangfire job that runs the <see cref="ReadModelProjector"/>: after commits (coalesced), every minute
/// as a safety net, and at start-up. It is a job of its own, not an <see cref="IOutboxConsumer"/> of the
/// dispatcher, because that contract hands over one event per scope and checkpoints it separately, while a
/// projection batch must load each aggregate once and commit its rows with its checkpoint.
/// </summary>
public sealed class ReadModelProjectionJob(ReadModelProjector projector, ReadModelProjectionTrigger trigger)
{
    public const string RecurringJobId = "read-model-projection";

    private const int RunLockTimeoutSeconds = 60;

    [DisableConcurrentExecution(RunLockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.RunStarted();
        await projector.ProjectPendingAsync(cancellationToken);
    }
}

/// <summary>Runs the read-model projection after commits.</summary>
public sealed class ReadModelProjectionTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<ReadModelProjectionTrigger> logger)
    : CoalescingJobTrigger(jobs, timeProvider, logger)
{
    protected override void Enqueue(IBackgroundJobClient jobs) => jobs.Enqueue<ReadModelProjectionJob>(job => job.RunAsync(CancellationToken.None));
}

/// <summary>Tells every signal a commit wrote outbox rows: the persistence's dispatcher and the read-model projection.</summary>
internal sealed class OutboxSignals(IReadOnlyList<IOutboxSignal> signals) : IOutboxSignal
{
    public void Notify()
    {
        foreach (var signal in signals)
            signal.Notify();
    }
}
