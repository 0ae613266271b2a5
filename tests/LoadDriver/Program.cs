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
var capture = new CaptureClients(options);

Console.WriteLine($"Capturing {options.Orders} orders with {options.Clients} clients against {options.Url} (channel {options.Channel}) ...");
var startedAt = DateTimeOffset.UtcNow;
var stopwatch = Stopwatch.StartNew();
var captured = await capture.RunAsync(cancellation.Token);
stopwatch.Stop();

var events = await subscriber.WaitForAsync(captured.Select(c => c.OrderId).ToHashSet(), options.EventWait, cancellation.Token);
var awaited = captured.Where(c => events.ContainsKey(c.OrderId)).Select(c => events[c.OrderId]).ToList();
var eventLatencies = captured
    .Where(c => events.ContainsKey(c.OrderId))
    .Select(c => Math.Max(0, (events[c.OrderId] - c.CommittedAt).TotalMilliseconds))
    .ToList();

var report = new LoadReport(
    Orders: captured.Count,
    Failures: capture.Failures,
    Elapsed: stopwatch.Elapsed,
    MutationLatenciesMs: [.. captured.Select(c => c.LatencyMs)],
    EventLatenciesMs: eventLatencies,
    MissedEvents: captured.Count - eventLatencies.Count,
    UntilLastEvent: options.UntilStatuses is not null && awaited.Count > 0 ? awaited.Max() - startedAt : null);
Console.WriteLine(report.ToString(CultureInfo.InvariantCulture));
return report.Failures == 0 && report.MissedEvents == 0 ? 0 : 1;
