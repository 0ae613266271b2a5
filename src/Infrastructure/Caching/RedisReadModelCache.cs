using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// Read-model documents in Redis, shared by every node. A read is one MGET; writes are pipelined SETs with
/// the time to live (NX for fills). An outage turns reads into misses, so queries fall back to the read tables.
/// </summary>
internal sealed partial class RedisReadModelCache(
    IConnectionMultiplexer redis, ReadModelOptions options, ILogger<RedisReadModelCache> logger) : IReadModelCache
{
    private const int ClearPageSize = 1_000;

    public async Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return [];
        try
        {
            var values = await redis.GetDatabase().StringGetAsync([.. keys.Select(k => (RedisKey)k)]);
            return [.. values.Select(v => v.IsNull ? null : (string?)v)];
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            LogReadFailed(logger, exception, keys.Count);
            return new string?[keys.Count];
        }
    }

    public Task SetManyAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken) =>
        WriteAsync(entries, When.Always);

    public async Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(entries, When.NotExists);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            LogFillFailed(logger, exception, entries.Count);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            var page = new List<RedisKey>(ClearPageSize);
            await foreach (var key in server.KeysAsync(database.Database, $"{ReadModelCacheKeys.Prefix}*", ClearPageSize).WithCancellation(cancellationToken))
            {
                page.Add(key);
                if (page.Count == ClearPageSize)
                {
                    await database.KeyDeleteAsync([.. page]);
                    page.Clear();
                }
            }
            if (page.Count > 0)
                await database.KeyDeleteAsync([.. page]);
        }
    }

    private Task<bool[]> WriteAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, When when)
    {
        var database = redis.GetDatabase();
        // Sent back to back on the one connection (pipelined): one round trip's latency for the whole batch.
        return Task.WhenAll(entries.Select(e => database.StringSetAsync(e.Key, e.Value, options.CacheTimeToLive, when)));
    }

    private static bool IsOutage(Exception exception) => exception is RedisException or TimeoutException or ObjectDisposedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer a read of {Count} read models; serving them from the read tables")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not take {Count} read models read from the tables; the next read tries again")]
    private static partial void LogFillFailed(ILogger logger, Exception exception, int count);
}
