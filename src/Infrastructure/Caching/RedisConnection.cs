using StackExchange.Redis;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// How EcomErp talks to Redis: start without it (it may come later), and fail fast while it is away, so a
/// query falls back to the read tables in milliseconds instead of waiting in a backlog for the timeout.
/// The timeouts below are defaults: a connection string that names <c>connectTimeout</c>, <c>syncTimeout</c>
/// or <c>asyncTimeout</c> keeps its own value (a busy host may need a longer command budget).
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
        if (!Names(connectionString, "connectTimeout"))
            options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        if (!Names(connectionString, "syncTimeout"))
            options.SyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        if (!Names(connectionString, "asyncTimeout"))
            options.AsyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        return options;
    }

    private static bool Names(string connectionString, string option) =>
        connectionString.Split(',').Any(part => part.Trim().StartsWith(option + "=", StringComparison.OrdinalIgnoreCase));

    public static IConnectionMultiplexer Connect(string connectionString) => ConnectionMultiplexer.Connect(Options(connectionString));
}
