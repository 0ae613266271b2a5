using System.Diagnostics.Metrics;
using EcomErp.Application.ParkedEvents;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>How many events each consumer has parked, and how many it holds behind them.</summary>
public sealed record ParkedEventCount(string Consumer, int Parked, int Held);

/// <summary>Counts the parked and held rows per consumer (one grouped read of an indexed table).</summary>
public sealed class ParkedEventProbe(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<ParkedEventCount>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return Counts(await Open(scope.ServiceProvider).ToListAsync(cancellationToken));
    }

    /// <summary>For observable instruments, whose callbacks are synchronous.</summary>
    public IReadOnlyList<ParkedEventCount> Read()
    {
        using var scope = scopes.CreateScope();
        return Counts([.. Open(scope.ServiceProvider)]);
    }

    private static IQueryable<OpenRows> Open(IServiceProvider services) =>
        services.GetRequiredService<ErpDbContext>().Set<ParkedEvent>()
            .Where(p => p.Status == ParkedEventStatus.Parked || p.Status == ParkedEventStatus.Held)
            .GroupBy(p => new { p.Consumer, p.Status })
            .Select(g => new OpenRows(g.Key.Consumer, g.Key.Status, g.Count()));

    private static List<ParkedEventCount> Counts(List<OpenRows> rows) =>
        [.. rows.GroupBy(r => r.Consumer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ParkedEventCount(g.Key,
            g.Where(r => r.Status == ParkedEventStatus.Parked).Sum(r => r.Count), g.Where(r => r.Status == ParkedEventStatus.Held).Sum(r => r.Count)))];

    private sealed record OpenRows(string Consumer, ParkedEventStatus Status, int Count);
}

/// <summary>
/// Readiness detail: Degraded while any event is parked (a consumer skips part of the log until an Admin acts), never Unhealthy for
/// it: the node still takes writes and serves reads.
/// </summary>
internal sealed class ParkedEventsHealthCheck(ParkedEventProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ParkedEventCount> counts;
        try
        {
            counts = await probe.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The parked events could not be counted.", exception);
        }
        var parked = counts.Sum(c => c.Parked);
        var held = counts.Sum(c => c.Held);
        var data = new Dictionary<string, object> { ["parked"] = parked, ["held"] = held };
        foreach (var count in counts)
            data[$"parked:{count.Consumer}"] = count.Parked;
        var description = $"{parked} parked events, {held} held behind them.";
        return parked > 0 ? HealthCheckResult.Degraded(description, data: data) : HealthCheckResult.Healthy(description, data);
    }
}

/// <summary>The gauge <c>ecomerp.outbox.parked</c> on the <c>EcomErp</c> meter, one measurement per consumer (tag <c>consumer</c>).</summary>
public sealed class ParkedEventMetrics
{
    public const string GaugeName = "ecomerp.outbox.parked";

    public ParkedEventMetrics(IMeterFactory meters, ParkedEventProbe probe, IEnumerable<IOutboxConsumer> consumers)
    {
        var names = consumers.Select(c => c.Name).ToList();
        var meter = meters.Create(ProjectionLagMetrics.MeterName);
        meter.CreateObservableGauge(GaugeName, () => Measure(probe, names), unit: "{event}",
            description: "Outbox events a consumer parked after failing on them, waiting for an Admin to retry or skip them.");
    }

    /// <summary>No measurement while the database cannot answer: a collector must not fail for it.</summary>
    private static IEnumerable<Measurement<int>> Measure(ParkedEventProbe probe, IReadOnlyList<string> consumers)
    {
        IReadOnlyList<ParkedEventCount> counts;
        try
        {
            counts = probe.Read();
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return [];
        }
        // Every consumer, parked or not, so a dashboard sees the count fall back to zero.
        return [.. consumers.Union(counts.Select(c => c.Consumer), StringComparer.Ordinal).Select(consumer => new Measurement<int>(
            counts.FirstOrDefault(c => c.Consumer == consumer)?.Parked ?? 0, new KeyValuePair<string, object?>("consumer", consumer)))];
    }
}
