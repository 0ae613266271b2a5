using System.Diagnostics.Metrics;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>How far the read models trail the event log: the newest outbox sequence minus the last one applied.</summary>
public sealed record ProjectionLagReading(long NewestSequence, long AppliedSequence)
{
    public long Lag => Math.Max(0, NewestSequence - AppliedSequence);
}

/// <summary>Reads the lag from the database (two indexed single-row reads).</summary>
public sealed class ProjectionLagProbe(IServiceScopeFactory scopes)
{
    public async Task<ProjectionLagReading> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        return new ProjectionLagReading(
            await Newest(db).FirstOrDefaultAsync(cancellationToken) ?? 0,
            await Applied(db).FirstOrDefaultAsync(cancellationToken) ?? 0);
    }

    /// <summary>For observable instruments, whose callbacks are synchronous.</summary>
    public ProjectionLagReading Read()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        return new ProjectionLagReading(Newest(db).FirstOrDefault() ?? 0, Applied(db).FirstOrDefault() ?? 0);
    }

    private static IQueryable<long?> Newest(ErpDbContext db) =>
        db.OutboxMessages.OrderByDescending(m => m.Sequence).Select(m => (long?)m.Sequence);

    private static IQueryable<long?> Applied(ErpDbContext db) =>
        db.OutboxCheckpoints.Where(c => c.Consumer == ReadModelProjector.ConsumerName).Select(c => (long?)c.LastSequence);
}

/// <summary>
/// Readiness detail: Degraded above the configured lag, never Unhealthy for lag alone (the node still serves
/// reads, only later). The database's own check reports an unreachable database.
/// </summary>
internal sealed class ProjectionLagHealthCheck(ProjectionLagProbe probe, ReadModelOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ProjectionLagReading reading;
        try
        {
            reading = await probe.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The projection lag could not be read.", exception);
        }
        var data = new Dictionary<string, object>
        {
            ["newestSequence"] = reading.NewestSequence,
            ["appliedSequence"] = reading.AppliedSequence,
            ["lag"] = reading.Lag,
            ["degradedAbove"] = options.LagDegradedThreshold,
        };
        return reading.Lag > options.LagDegradedThreshold
            ? HealthCheckResult.Degraded($"Read models trail the outbox by {reading.Lag} events.", data: data)
            : HealthCheckResult.Healthy($"Read models trail the outbox by {reading.Lag} events.", data);
    }
}

/// <summary>The lag as the gauge <c>ecomerp.projection.lag</c> on the <c>EcomErp</c> meter, read when a listener collects.</summary>
public sealed class ProjectionLagMetrics
{
    public const string MeterName = "EcomErp";
    public const string GaugeName = "ecomerp.projection.lag";

    public ProjectionLagMetrics(IMeterFactory meters, ProjectionLagProbe probe)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(GaugeName, () => Measure(probe), unit: "{event}",
            description: "Outbox events not yet applied to the read models.");
    }

    /// <summary>No measurement while the database cannot answer: a collector must not fail for it.</summary>
    private static IEnumerable<Measurement<long>> Measure(ProjectionLagProbe probe)
    {
        long lag;
        try
        {
            lag = probe.Read().Lag;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return [];
        }
        return [new Measurement<long>(lag)];
    }
}
