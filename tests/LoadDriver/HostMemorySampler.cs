using System.Globalization;

namespace EcomErp.LoadDriver;

/// <summary>
/// Samples a local host process's resident memory from /proc/PID/status while the run lasts. VmHWM is the kernel's own peak
/// of the resident set, so a spike between two samples still shows; the sampled VmRSS peak says when it was under load.
/// </summary>
public sealed class HostMemorySampler : IAsyncDisposable
{
    private readonly string _status;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakRssKb;

    public HostMemorySampler(int pid)
    {
        _status = $"/proc/{pid}/status";
        if (!File.Exists(_status))
            throw new InvalidOperationException($"No process {pid} on this machine (--host-pid needs the host's local process id).");
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Stops sampling; the highest VmRSS sampled and the kernel's VmHWM, in MB.</summary>
    public async Task<(double SampledPeakMb, double HighWaterMarkMb)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        return (Interlocked.Read(ref _peakRssKb) / 1024.0, (ReadKb("VmHWM:") ?? 0) / 1024.0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            if (ReadKb("VmRSS:") is { } rss && rss > Interlocked.Read(ref _peakRssKb))
                Interlocked.Exchange(ref _peakRssKb, rss);
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private long? ReadKb(string field)
    {
        try
        {
            var line = File.ReadLines(_status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // the host exited
        }
    }
}
