using Hangfire;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>Told by the unit of work after a commit that wrote outbox rows.</summary>
public interface IOutboxSignal
{
    void Notify();
}

/// <summary>
/// Coalesces commit signals into Hangfire jobs: a job is enqueued only when none is pending. A run clears
/// the flag when it starts and loops until its work is drained, so a commit during a run is not lost.
/// The flag also expires: on several nodes the run may start elsewhere and never clear this node's flag.
/// </summary>
public abstract partial class CoalescingJobTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger logger) : IOutboxSignal
{
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private long? _pendingSince;

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
            Enqueue(jobs);
        }
        catch (Exception exception)
        {
            // The commit stands; the recurring safety run picks the events up.
            RunStarted();
            LogEnqueueFailed(logger, exception, GetType().Name);
        }
    }

    /// <summary>Called when a run starts: from now on a commit needs a new run.</summary>
    public void RunStarted()
    {
        lock (_gate)
            _pendingSince = null;
    }

    protected abstract void Enqueue(IBackgroundJobClient jobs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Trigger} could not enqueue its job; the recurring run will deliver the events")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string trigger);
}

/// <summary>Runs the outbox dispatcher (the order workflow's automation) after commits.</summary>
public sealed class OutboxTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<OutboxTrigger> logger)
    : CoalescingJobTrigger(jobs, timeProvider, logger)
{
    protected override void Enqueue(IBackgroundJobClient jobs) => jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(CancellationToken.None));
}
