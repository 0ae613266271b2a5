using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Health;

/// <summary>
/// Healthy when Redis answers a PING, Degraded when it does not: the host still takes captures, projects into the read
/// tables and serves reads from them (decision 053), so a load balancer must not take it out. Registered only when
/// <c>ConnectionStrings:Redis</c> is set.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("Redis answers.", new Dictionary<string, object> { ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Without the exception: the health-check service would log its stack on every probe of the outage.
            return HealthCheckResult.Degraded($"Redis cannot be reached ({exception.GetType().Name}): reads come from the read tables and notifications wait.");
        }
    }
}
