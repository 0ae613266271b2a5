using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Health;

/// <summary>Ready when Redis answers a PING; registered only when <c>ConnectionStrings:Redis</c> is set.</summary>
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
            return HealthCheckResult.Unhealthy("Redis cannot be reached.", exception);
        }
    }
}
