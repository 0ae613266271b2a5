using System.Diagnostics.Metrics;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.Caching.Memory;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// The embedded default: an in-process cache bounded in bytes (<see cref="ReadModelOptions.MemoryCacheMegabytes"/>; each entry
/// counts what its key and document take on the heap). A document that does not fit is not kept, and the one it replaces is
/// dropped with it, so a read never gets an older version; the least recently used make room (a fifth of the bound at a time)
/// in the background. Writes take a lock so a fill from the table can never overwrite a newer document the projection wrote
/// between the fill's check and its set.
/// On the <c>EcomErp</c> meter, for choosing the bound: the bytes and documents held, and the reads that found their document
/// or missed it.
/// </summary>
internal sealed class MemoryReadModelCache : IReadModelCache, IDisposable
{
    /// <summary>What an entry costs beyond its two strings: the cache's entry and dictionary node, and the strings' headers.</summary>
    internal const int EntryOverheadBytes = 256;

    public const string SizeName = "ecomerp.readmodels.cache.size";
    public const string DocumentsName = "ecomerp.readmodels.cache.documents";
    public const string ReadsName = "ecomerp.readmodels.cache.reads";

    private readonly ReadModelOptions _options;
    private readonly MemoryCache _cache;
    private readonly Lock _writes = new();
    // Counted here rather than read from the cache's own statistics, which also count the fill's check before it writes.
    private long _hits, _misses;

    public MemoryReadModelCache(ReadModelOptions options, IMeterFactory? meters = null)
    {
        _options = options;
        _cache = new(new MemoryCacheOptions
        {
            SizeLimit = options.MemoryCacheMegabytes * 1024L * 1024L,
            CompactionPercentage = 0.2,
            TrackStatistics = true,
        });
        if (meters is null)
            return;
        var meter = meters.Create(ProjectionLagMetrics.MeterName);
        meter.CreateObservableGauge(SizeName, () => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0, unit: "By",
            description: "Bytes the in-process read-model cache counts towards its bound (EcomErp:ReadModels:MemoryCacheMegabytes).");
        meter.CreateObservableGauge(DocumentsName, () => (long)_cache.Count, unit: "{document}",
            description: "Documents the in-process read-model cache holds.");
        meter.CreateObservableCounter(ReadsName, () => (Measurement<long>[])
            [
                new(Interlocked.Read(ref _hits), new KeyValuePair<string, object?>("result", "hit")),
                new(Interlocked.Read(ref _misses), new KeyValuePair<string, object?>("result", "miss")),
            ],
            unit: "{document}", description: "Documents asked of the in-process read-model cache, by result: found (hit) or read from the read tables (miss).");
    }

    public Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var documents = new string?[keys.Count];
        var hits = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (_cache.TryGetValue(keys[i], out string? document))
            {
                documents[i] = document;
                hits++;
            }
        }
        Interlocked.Add(ref _hits, hits);
        Interlocked.Add(ref _misses, keys.Count - hits);
        return Task.FromResult<IReadOnlyList<string?>>(documents);
    }

    public Task SetManyAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            foreach (var (key, document) in entries)
                Set(key, document);
        }
        return Task.CompletedTask;
    }

    public Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            foreach (var (key, document) in entries)
            {
                if (!_cache.TryGetValue(key, out _))
                    Set(key, document);
            }
        }
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        lock (_writes)
            _cache.Clear();
        return Task.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();

    private void Set(string key, string document) =>
        _cache.Set(key, document, new MemoryCacheEntryOptions { Size = SizeOf(key, document), AbsoluteExpirationRelativeToNow = _options.CacheTimeToLive });

    /// <summary>The bytes an entry counts towards the bound: its key and document are UTF-16 strings.</summary>
    internal static long SizeOf(string key, string document) => ((long)key.Length + document.Length) * sizeof(char) + EntryOverheadBytes;
}
