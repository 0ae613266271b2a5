using System.Globalization;

namespace EcomErp.LoadDriver;

public sealed record LoadOptions(
    Uri Url, string ApiKey, int Clients, int Orders, string Channel, TimeSpan EventWait, TimeSpan MaxDuration,
    IReadOnlySet<string>? UntilStatuses = null, int? Rate = null, TimeSpan? Duration = null, int? HostPid = null, string? Database = null)
{
    /// <summary>What <c>--until allocated</c> waits for: the allocation was decided (reserved, backordered, or partly both).</summary>
    public static IReadOnlySet<string> AllocationDecided { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED",
    };

    public const string Usage =
        "usage: dotnet run --project tests/LoadDriver -c Release -- --url http://localhost:5000 --key eck_... " +
        "[--clients 8] [--orders 2000] [--channel WEB] [--event-wait-seconds 30] [--max-seconds 300] [--until allocated|STATUS,STATUS]\n" +
        "[--rate 1000 --duration 30s] [--host-pid PID] [--database path/to/ecomerp.db]\n" +
        "Without --until the latency is commit to the order's first event; with it, commit to the first event in one of those states.\n" +
        "--rate paces the captures at that many per second (as fast as the clients go without it); --duration stops sending after\n" +
        "that long (rate x duration orders at most), then the driver waits for the events.\n" +
        "--host-pid samples the host's resident memory (VmRSS, and the kernel's peak VmHWM), its CPU time, its storage writes and its\n" +
        "write calls per order from /proc;\n" +
        "--database runs VerifyLedger on the host's SQLite file after the run (read-only use; the host may keep running).\n" +
        "The key needs the orders:write and orders:read scopes on the channel. Only loopback or your own test hosts are valid targets.";

    public static LoadOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                return null;
            values[args[i][2..]] = args[i + 1];
        }
        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !values.TryGetValue("key", out var key))
            return null;
        int Int(string name, int fallback, int max) =>
            values.TryGetValue(name, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? Math.Min(value, max) : fallback;
        IReadOnlySet<string>? until = null;
        if (values.TryGetValue("until", out var statuses))
        {
            until = statuses.Equals("allocated", StringComparison.OrdinalIgnoreCase)
                ? AllocationDecided
                : statuses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            if (until.Count == 0)
                return null;
        }
        int? rate = values.ContainsKey("rate") ? Int("rate", 0, 100_000) : null;
        TimeSpan? duration = null;
        if (values.TryGetValue("duration", out var durationText))
        {
            if (!int.TryParse(durationText.TrimEnd('s'), CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 3_600)
                return null;
            duration = TimeSpan.FromSeconds(seconds);
        }
        if (rate is 0 || (duration is not null && rate is null))
            return null;
        int? hostPid = values.ContainsKey("host-pid") ? Int("host-pid", 0, int.MaxValue) : null;
        if (hostPid is 0)
            return null;
        var orders = rate is { } perSecond && duration is { } span ? (int)Math.Min(1_000_000, perSecond * span.TotalSeconds) : Int("orders", 2_000, 1_000_000);
        // Bounded in count and time, always: the driver stops by itself.
        return new LoadOptions(uri, key, Int("clients", 8, 256), orders, values.GetValueOrDefault("channel", "WEB"),
            TimeSpan.FromSeconds(Int("event-wait-seconds", 30, 600)), TimeSpan.FromSeconds(Int("max-seconds", 300, 3_600)), until,
            rate, duration, hostPid, values.GetValueOrDefault("database"));
    }
}

public sealed record LoadReport(
    int Orders, int Failures, TimeSpan Elapsed, IReadOnlyList<double> MutationLatenciesMs, IReadOnlyList<double> EventLatenciesMs, int MissedEvents,
    TimeSpan? UntilLastEvent = null)
{
    public double OrdersPerSecond => Orders / Elapsed.TotalSeconds;

    /// <summary>Orders whose awaited event arrived, per second from the first capture to the last such event: the end-to-end rate.</summary>
    public double? EndToEndOrdersPerSecond => UntilLastEvent is { TotalSeconds: > 0 } span ? EventLatenciesMs.Count / span.TotalSeconds : null;

    /// <summary>Per captured order, how many distinct allocation decisions (ALLOCATED-family events by sequence) were heard.</summary>
    public IReadOnlyDictionary<Guid, int>? AllocationDecisions { get; init; }

    /// <summary>What the host used during the run: memory, CPU time and writes (<see cref="HostSampler"/>).</summary>
    public HostUsage? Host { get; init; }

    /// <summary>The host's CPU time per captured order over the run, in milliseconds.</summary>
    public double? HostCpuMsPerOrder => Host is { } host && Orders > 0 ? host.Cpu.TotalMilliseconds / Orders : null;

    /// <summary>
    /// The driver's own CPU time over the same span (from the first capture to the last awaited event): what it took from cores
    /// it shares with a local host.
    /// </summary>
    public TimeSpan? DriverCpu { get; init; }

    /// <summary>What VerifyLedger said after the run (balances checked, mismatches), when the driver was given the database.</summary>
    public (int BalancesChecked, int Mismatches)? Ledger { get; init; }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>True when nothing failed, no event was missed, no order was decided twice and the ledger (when checked) holds.</summary>
    public bool Clean =>
        Failures == 0 && MissedEvents == 0 && (AllocationDecisions?.Values.All(n => n == 1) ?? true) && Ledger is not { Mismatches: > 0 };

    public string ToString(IFormatProvider format) => string.Format(format,
        "orders: {0}, failures: {1}, elapsed: {2:F1} s, captures/s: {3:F0}\n" +
        "mutation latency ms: p50 {4:F1}, p99 {5:F1}\n" +
        "commit-to-event latency ms: p50 {6:F1}, p99 {7:F1} ({8} events, {9} missed)",
        Orders, Failures, Elapsed.TotalSeconds, OrdersPerSecond,
        Percentile(MutationLatenciesMs, 50), Percentile(MutationLatenciesMs, 99),
        Percentile(EventLatenciesMs, 50), Percentile(EventLatenciesMs, 99), EventLatenciesMs.Count, MissedEvents)
        + (EndToEndOrdersPerSecond is { } endToEnd
            ? string.Format(format, "\nend to end (first capture to last awaited event): {0:F1} s, orders/s: {1:F0}", UntilLastEvent!.Value.TotalSeconds, endToEnd)
            : "")
        + (AllocationDecisions is { } decisions
            ? string.Format(format, "\nallocation decisions per order: exactly one {0}, none {1}, more than one {2}",
                decisions.Values.Count(n => n == 1), decisions.Values.Count(n => n == 0), decisions.Values.Count(n => n > 1))
            : "")
        + (Host is { } host
            ? string.Format(format, "\nhost memory MB: peak VmRSS sampled {0:F0}, VmHWM {1:F0}\nhost CPU: {2:F1} s, {3:F2} ms per order",
                host.SampledPeakMb, host.HighWaterMarkMb, host.Cpu.TotalSeconds, HostCpuMsPerOrder ?? double.NaN)
            : "")
        + (Host is { StorageWrittenBytes: { } written } && Orders > 0
            ? string.Format(format, "\nhost storage writes: {0:F1} MB, {1:F1} KB per order", written / 1048576.0, written / 1024.0 / Orders)
            : "")
        + (Host is { WriteCalls: { } calls, WriteCallBytes: { } callBytes } && Orders > 0
            ? string.Format(format, "\nhost write calls (files and sockets): {0:F1} per order, {1:F1} KB per order", (double)calls / Orders, callBytes / 1024.0 / Orders)
            : "")
        + (DriverCpu is { } driver && Orders > 0
            ? string.Format(format, "\ndriver CPU: {0:F1} s, {1:F2} ms per order", driver.TotalSeconds, driver.TotalMilliseconds / Orders)
            : "")
        + (Ledger is { } ledger
            ? string.Format(format, "\nVerifyLedger: {0} balances checked, {1} mismatches ({2})", ledger.BalancesChecked, ledger.Mismatches, ledger.Mismatches == 0 ? "holds" : "BROKEN")
            : "");
}
