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
/// the flag when it starts and loops until the outbox is drained, so a commit during a run is not lost.
/// The flag also expires: on several nodes the run may start elsewhere and never clear this node's flag.
/// </summary>
public sealed partial class OutboxTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<OutboxTrigger> logger) : IOutboxSignal
{
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromSeconds(5);

    private const long NotPending = long.MinValue;

    private long _pendingSinceTimestamp = NotPending;

    public void Notify()
    {
        var now = timeProvider.GetTimestamp();
        var pendingSince = Interlocked.Read(ref _pendingSinceTimestamp);
        if (pendingSince != NotPending && timeProvider.GetElapsedTime(pendingSince, now) < PendingExpiry)
            return;
        if (Interlocked.CompareExchange(ref _pendingSinceTimestamp, now, pendingSince) != pendingSince)
            return;
        try
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception exception)
        {
            // The commit stands; the recurring safety run picks the events up.
            Interlocked.Exchange(ref _pendingSinceTimestamp, NotPending);
            LogEnqueueFailed(logger, exception);
        }
    }

    /// <summary>Called when a run starts: from now on a commit needs a new run.</summary>
    public void RunStarted() => Interlocked.Exchange(ref _pendingSinceTimestamp, NotPending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the outbox dispatch; the recurring run will deliver the events")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception);
}
