using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Tests.Fixtures;

/// <summary>Two nodes on one redis-server, each with its own multiplexer and bus, as two host processes have them.</summary>
internal sealed class TwoRedisNodes : IDisposable
{
    private readonly IConnectionMultiplexer _a;
    private readonly IConnectionMultiplexer _b;

    public TwoRedisNodes(string connectionString, ILogger<RedisNotificationBus>? logA = null, ILogger<RedisNotificationBus>? logB = null)
    {
        (_a, _b) = (RedisConnection.Connect(connectionString), RedisConnection.Connect(connectionString));
        A = new RedisNotificationBus(_a, logA ?? NullLogger<RedisNotificationBus>.Instance);
        B = new RedisNotificationBus(_b, logB ?? NullLogger<RedisNotificationBus>.Instance);
    }

    public RedisNotificationBus A { get; }

    public RedisNotificationBus B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        _a.Dispose();
        _b.Dispose();
    }
}
