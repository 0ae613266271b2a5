using System.Diagnostics;
using System.Globalization;

namespace EcomErp.LoadDriver;

/// <summary>
/// Samples a local host process while the run lasts: its resident memory from /proc/PID/status (VmHWM is the kernel's own peak
/// of the resident set, so a spike between two samples still shows; the sampled VmRSS peak says when it was under load), and
/// the CPU time it used from the start of the run to its end. CPU per order is a steadier measure of the host's cost than a
/// rate on a shared machine, whose speed moves between runs.
/// </summary>
public sealed class HostSampler : IAsyncDisposable
{
    private readonly string _status;
    private readonly Process _process;
    private readonly TimeSpan _cpuAtStart;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakRssKb;

    public HostSampler(int pid)
    {
        _status = $"/proc/{pid}/status";
        if (!File.Exists(_status))
            throw new InvalidOperationException($"No process {pid} on this machine (--host-pid needs the host's local process id).");
        _process = Process.GetProcessById(pid);
        _cpuAtStart = _process.TotalProcessorTime;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Stops sampling; the highest VmRSS sampled and the kernel's VmHWM, in MB, and the CPU time the host used meanwhile.</summary>
    public async Task<(double SampledPeakMb, double HighWaterMarkMb, TimeSpan Cpu)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _process.Refresh();
        return (Interlocked.Read(ref _peakRssKb) / 1024.0, (ReadKb("VmHWM:") ?? 0) / 1024.0, _process.TotalProcessorTime - _cpuAtStart);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        _process.Dispose();
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
