using System.Diagnostics;
using System.Globalization;
using EcomErp.LoadDriver;

// The load driver: N concurrent clients capture orders through POST /graphql while one WebSocket
// subscriber measures commit-to-event latency. Run it against a running host (see docs/performance.md).
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource(options.MaxDuration);
await using var subscriber = await EventSubscriber.ConnectAsync(options, cancellation.Token);
await using var host = options.HostPid is { } pid ? new HostSampler(pid) : null;
var capture = new CaptureClients(options);

Console.WriteLine($"Capturing {options.Orders} orders with {options.Clients} clients against {options.Url} (channel {options.Channel})"
    + (options.Rate is { } rate ? $" at {rate}/s" : "") + " ...");
var startedAt = DateTimeOffset.UtcNow;
var driverCpuAtStart = Environment.CpuUsage.TotalTime;
var stopwatch = Stopwatch.StartNew();
var captured = await capture.RunAsync(cancellation.Token);
stopwatch.Stop();

var capturedIds = captured.Select(c => c.OrderId).ToHashSet();
var events = await subscriber.WaitForAsync(capturedIds, options.EventWait, cancellation.Token);
var driverCpu = Environment.CpuUsage.TotalTime - driverCpuAtStart;
var awaited = captured.Where(c => events.ContainsKey(c.OrderId)).Select(c => events[c.OrderId]).ToList();
var eventLatencies = captured
    .Where(c => events.ContainsKey(c.OrderId))
    .Select(c => Math.Max(0, (events[c.OrderId] - c.CommittedAt).TotalMilliseconds))
    .ToList();
var waitingForAllocation = ReferenceEquals(options.UntilStatuses, LoadOptions.AllocationDecided);

var report = new LoadReport(
    Orders: captured.Count,
    Failures: capture.Failures,
    Elapsed: stopwatch.Elapsed,
    MutationLatenciesMs: [.. captured.Select(c => c.LatencyMs)],
    EventLatenciesMs: eventLatencies,
    MissedEvents: captured.Count - eventLatencies.Count,
    UntilLastEvent: options.UntilStatuses is not null && awaited.Count > 0 ? awaited.Max() - startedAt : null)
{
    // Counted only when the run waited for the decisions; a duplicate would have arrived with or just after the first.
    AllocationDecisions = waitingForAllocation ? subscriber.AllocationDecisionsOf(capturedIds) : null,
    Host = host is null ? null : await host.StopAsync(),
    DriverCpu = driverCpu,
    Ledger = options.Database is { } database ? await LedgerCheck.RunAsync(database, cancellation.Token) : null,
};
Console.WriteLine(report.ToString(CultureInfo.InvariantCulture));
if (options.Rate is { } target && report.OrdersPerSecond < target * 0.95)
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "behind the target rate: {0:F0} of {1} captures/s", report.OrdersPerSecond, target));
return report.Clean ? 0 : 1;
