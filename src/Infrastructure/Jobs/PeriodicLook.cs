using Microsoft.Extensions.Hosting;

namespace EcomErp.Infrastructure.Jobs;

/// <summary>
/// A worker's look at the database every interval (the outbox's head, decision 086; queued imports, decision 088). The subclass
/// takes its first look in its <c>StartAsync</c>, before the host serves, and sets the interval with <see cref="LookEvery"/>;
/// the looks after it come from here, until the host stops.
/// </summary>
internal abstract class PeriodicLook : BackgroundService
{
    private PeriodicTimer? _timer;
    private bool _failing;

    /// <summary>
    /// Sets the looks going every <paramref name="interval"/> (none when it is zero). The wait is between real threads: on the
    /// retry clock (decision 017), not on the business clock tests freeze.
    /// </summary>
    protected void LookEvery(TimeSpan interval, TimeProvider clock)
    {
        if (interval > TimeSpan.Zero)
            _timer = new PeriodicTimer(interval, clock);
    }

    /// <summary>
    /// Called when a look failed: true for the first failure of a failing spell, the one to log (the database's health check
    /// reports an outage meanwhile), false for every later one until <see cref="LookSucceeded"/>. The looking goes on either way.
    /// </summary>
    protected bool FailingSpellBegins()
    {
        var begins = !_failing;
        _failing = true;
        return begins;
    }

    /// <summary>Called when a look succeeded: the next failure begins a failing spell again.</summary>
    protected void LookSucceeded() => _failing = false;

    /// <summary>One look after the first; it catches and logs its own failures (an exception out of the loop would stop the host).</summary>
    protected abstract Task LookAgainAsync(CancellationToken cancellationToken);

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
            return;
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
                await LookAgainAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
