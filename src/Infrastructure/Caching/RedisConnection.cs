using StackExchange.Redis;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// How EcomErp talks to Redis: start without it (it may come later), and fail fast while it is away, so a
/// query falls back to the read tables in milliseconds instead of waiting in a backlog for the timeout.
/// </summary>
public static class RedisConnection
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(1);

    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        options.SyncTimeout = options.AsyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        return options;
    }

    public static IConnectionMultiplexer Connect(string connectionString) => ConnectionMultiplexer.Connect(Options(connectionString));
}
