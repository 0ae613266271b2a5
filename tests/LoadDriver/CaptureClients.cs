using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcomErp.LoadDriver;

public sealed record CapturedOrder(Guid OrderId, DateTimeOffset CommittedAt, double LatencyMs);

/// <summary>Concurrent clients, each posting captureOrder mutations for the next order number until all are sent.</summary>
public sealed class CaptureClients(LoadOptions options)
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _next = -1;
    private int _failures;
    private long _startedAt;

    public int Failures => _failures;

    public async Task<IReadOnlyList<CapturedOrder>> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = options.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
        _startedAt = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => ClientAsync(http, cancellationToken)));
        return [.. results.SelectMany(r => r)];
    }

    private async Task<List<CapturedOrder>> ClientAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var captured = new List<CapturedOrder>();
        int number;
        while ((number = Interlocked.Increment(ref _next)) < options.Orders && !cancellationToken.IsCancellationRequested
               && !(options.Duration is { } duration && Stopwatch.GetElapsedTime(_startedAt) >= duration))
        {
            // Paced: order n is due n/rate seconds after the start; a client that is behind sends at once (the rate is a ceiling).
            if (options.Rate is { } rate)
            {
                var due = TimeSpan.FromSeconds((double)number / rate) - Stopwatch.GetElapsedTime(_startedAt);
                if (due > TimeSpan.Zero)
                    await Task.Delay(due, cancellationToken);
            }
            var input = CaptureDocument.Input(options.Channel, $"LOAD-{_runId}-{number:D7}", number);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/graphql", new { query = CaptureDocument.Mutation, variables = new { input } }, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var id = body?["data"]?["captureOrder"]?["order"]?["id"]?.GetValue<string>();
            if (response.IsSuccessStatusCode && Guid.TryParse(id, out var orderId))
                captured.Add(new CapturedOrder(orderId, DateTimeOffset.UtcNow, latency));
            else if (Interlocked.Increment(ref _failures) <= 5)
                Console.Error.WriteLine($"capture {number} failed ({(int)response.StatusCode}): {body?.ToJsonString()}");
        }
        return captured;
    }
}
