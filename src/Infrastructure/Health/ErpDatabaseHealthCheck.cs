using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomErp.Infrastructure.Health;

/// <summary>Ready when the write database answers and every migration the code knows is applied.</summary>
internal sealed class ErpDatabaseHealthCheck(ErpDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = db.Database.ProviderName ?? "unknown" };
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database cannot be reached.", data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            data["pendingMigrations"] = pending;
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database is reachable and up to date.", data)
                : HealthCheckResult.Unhealthy($"The database has {pending.Count} pending migration(s).", data: data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", exception, data);
        }
    }
}
