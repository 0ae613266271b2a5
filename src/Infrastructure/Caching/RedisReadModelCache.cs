using EcomErp.Infrastructure.ReadModels;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// Read-model documents in Redis, shared by every node. A read is one MGET; writes are pipelined SETs with
/// the time to live (NX for fills). The cache is an optimisation the read side can lose (decision 053): an outage
/// turns reads into misses, so queries fall back to the read tables, and a projected write Redis refuses is marked
/// for repair instead of failing the batch; the mark clears the cache when Redis answers again.
/// </summary>
internal sealed class RedisReadModelCache : IReadModelCache, IDisposable
{
    private const int ClearPageSize = 1_000;

    private readonly IConnectionMultiplexer _redis;
    private readonly ReadModelOptions _options;
    private readonly ReadModelCacheRepair _repair;
    private readonly RedisOutageLog _outage;

    public RedisReadModelCache(IConnectionMultiplexer redis, ReadModelOptions options, ReadModelCacheRepair repair, RedisOutageLog outage)
    {
        (_redis, _options, _repair, _outage) = (redis, options, repair, outage);
        _redis.ConnectionRestored += OnConnectionRestored;
    }

    public async Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return [];
        try
        {
            var values = await _redis.GetDatabase().StringGetAsync([.. keys.Select(k => (RedisKey)k)]);
            return [.. values.Select(v => v.IsNull ? null : (string?)v)];
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            _outage.Failed("a read-model read", exception);
            return new string?[keys.Count];
        }
    }

    /// <summary>
    /// Repairs first when a mark stands (this runs after the commit of the batch whose write was refused), then writes.
    /// A refusal is marked, not thrown: the batch commits its read tables, and readers use them until the repair.
    /// </summary>
    public async Task SetManyAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken)
    {
        try
        {
            await _repair.RepairIfMarkedAsync(ClearAsync, cancellationToken);
            await WriteAsync(entries, When.Always);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            _outage.Failed("a projected write", exception);
            await _repair.MarkAsync(cancellationToken);
        }
    }

    /// <summary>Nothing more to do: <see cref="SetManyAsync"/> wrote every document before the commit, and fills never overwrite.</summary>
    public Task CommittedAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every projected document is written, so a fill needs no mark: <c>NX</c> keeps it from replacing a newer one.</summary>
    public ReadModelCacheFill StartFill() => default;

    public async Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, ReadModelCacheFill fill, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(entries, When.NotExists);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            _outage.Failed("a fill from the read tables", exception);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var database = _redis.GetDatabase();
        foreach (var server in _redis.GetServers().Where(s => !s.IsReplica))
        {
            // A scan of a server that is away does not fail fast like a command: refuse at once, as a command would.
            if (!server.IsConnected)
                throw new RedisException($"Redis {server.EndPoint} is not connected; the read-model cache cannot be cleared.");
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

    /// <summary>Repairs a standing mark now; false when Redis did not answer (the mark stays for the next try).</summary>
    public async Task<bool> TryRepairAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _repair.RepairIfMarkedAsync(ClearAsync, cancellationToken);
            return true;
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            _outage.Failed("the cache repair", exception);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _repair.Failed(exception);
            return false;
        }
    }

    public void Dispose() => _redis.ConnectionRestored -= OnConnectionRestored;

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Interactive)
            return;
        _outage.Restored();
        // Off the multiplexer's thread: the repair makes round trips of its own.
        _ = Task.Run(() => TryRepairAsync(CancellationToken.None));
    }

    private Task<bool[]> WriteAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, When when)
    {
        var database = _redis.GetDatabase();
        // Sent back to back on the one connection (pipelined): one round trip's latency for the whole batch.
        return Task.WhenAll(entries.Select(e => database.StringSetAsync(e.Key, e.Value, _options.CacheTimeToLive, when)));
    }

    internal static bool IsOutage(Exception exception) => exception is RedisException or TimeoutException or ObjectDisposedException;
}
