using Hangfire;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// The Hangfire job that runs the <see cref="OutboxDispatcher"/>: enqueued after commits, every minute as a
/// safety net and once at start-up. Failed events are retried by the next run, not by Hangfire.
/// </summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, OutboxTrigger trigger)
{
    public const string RecurringJobId = "outbox-dispatch";

    private const int RunLockTimeoutSeconds = 60;

    [DisableConcurrentExecution(RunLockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.RunStarted();
        await dispatcher.DispatchPendingAsync(cancellationToken);
    }
}
