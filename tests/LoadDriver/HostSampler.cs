using System.Diagnostics;
using System.Globalization;

namespace EcomErp.LoadDriver;

/// <summary>
/// Samples a local host process while the run lasts: its resident memory from /proc/PID/status (VmHWM is the kernel's own peak
/// of the resident set, so a spike between two samples still shows; the sampled VmRSS peak says when it was under load), and
/// the CPU time it used from the start of the run to its end. CPU per order is a steadier measure of the host's cost than a
/// rate on a shared machine, whose speed moves between runs. Also, from /proc/PID/io, what it wrote meanwhile, which does not
/// depend on the machine's speed: the bytes that reached storage (<c>write_bytes</c>: the SQLite file's WAL and checkpoints),
/// and the write calls it made and the bytes they carried (<c>syscw</c>, <c>wchar</c>: files and sockets, including files
/// deleted before the kernel wrote them back, such as SQLite's temporary files, decision 076).
/// </summary>
public sealed class HostSampler : IAsyncDisposable
{
    private readonly string _status;
    private readonly string _io;
    private readonly WriteCounters _writesAtStart;
    private readonly Process _process;
    private readonly TimeSpan _cpuAtStart;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakRssKb;

    public HostSampler(int pid)
    {
        _status = $"/proc/{pid}/status";
        _io = $"/proc/{pid}/io";
        if (!File.Exists(_status))
            throw new InvalidOperationException($"No process {pid} on this machine (--host-pid needs the host's local process id).");
        _process = Process.GetProcessById(pid);
        _cpuAtStart = _process.TotalProcessorTime;
        _writesAtStart = WriteCounters.Of(_io);
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Stops sampling and says what the host used meanwhile (the write figures null when /proc/PID/io cannot be read: another user's process).</summary>
    public async Task<HostUsage> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _process.Refresh();
        var writes = WriteCounters.Of(_io);
        return new HostUsage(Interlocked.Read(ref _peakRssKb) / 1024.0, (Read(_status, "VmHWM:") ?? 0) / 1024.0, _process.TotalProcessorTime - _cpuAtStart,
            writes.Stored - _writesAtStart.Stored, writes.Calls - _writesAtStart.Calls, writes.CallBytes - _writesAtStart.CallBytes);
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
            if (Read(_status, "VmRSS:") is { } rss && rss > Interlocked.Read(ref _peakRssKb))
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

    /// <summary>A field's number from a /proc file (kB in status).</summary>
    private static long? Read(string file, string field) => Field(Lines(file), field);

    private static long? Field(string[] lines, string field) =>
        lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : null;

    private static string[] Lines(string file)
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return []; // the host exited, or it is not ours to read
        }
    }

    /// <summary>The write counters of /proc/PID/io (bytes, calls), read in one pass so the three come from one moment.</summary>
    private readonly record struct WriteCounters(long? Stored, long? Calls, long? CallBytes)
    {
        public static WriteCounters Of(string io)
        {
            var lines = Lines(io);
            return new(Field(lines, "write_bytes:"), Field(lines, "syscw:"), Field(lines, "wchar:"));
        }
    }
}

/// <summary>What a host used during a run.</summary>
/// <param name="SampledPeakMb">The highest VmRSS sampled.</param>
/// <param name="HighWaterMarkMb">The kernel's peak of the resident set (VmHWM) at the end.</param>
/// <param name="Cpu">The CPU time it used from the start of the run to its end (the awaited events included).</param>
/// <param name="StorageWrittenBytes">The bytes it caused to reach storage.</param>
/// <param name="WriteCalls">The write calls it made (files and sockets).</param>
/// <param name="WriteCallBytes">The bytes those calls carried.</param>
public sealed record HostUsage(double SampledPeakMb, double HighWaterMarkMb, TimeSpan Cpu, long? StorageWrittenBytes, long? WriteCalls, long? WriteCallBytes);
