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

/// <summary>
/// Coalesces commit signals into projection jobs: one is enqueued only when none is pending. A run clears the
/// flag as it starts and drains the outbox, so a commit during a run is not lost; the flag expires because on
/// several nodes the run may start elsewhere.
/// </summary>
public sealed partial class ReadModelProjectionTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<ReadModelProjectionTrigger> logger)
    : IOutboxSignal
{
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromSeconds(5);

    private long? _pendingSince;
    private readonly Lock _gate = new();

    public void Notify()
    {
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (_pendingSince is { } since && timeProvider.GetElapsedTime(since, now) < PendingExpiry)
                return;
            _pendingSince = now;
        }
        try
        {
            jobs.Enqueue<ReadModelProjectionJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception exception)
        {
            RunStarted();
            LogEnqueueFailed(logger, exception);
        }
    }

    public void RunStarted()
    {
        lock (_gate)
            _pendingSince = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the read-model projection; the recurring run will apply the events")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception);
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
