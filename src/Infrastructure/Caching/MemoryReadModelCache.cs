using System.Diagnostics.Metrics;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.Caching.Memory;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// The embedded default: an in-process cache bounded in bytes (<see cref="ReadModelOptions.MemoryCacheMegabytes"/>; each entry
/// counts what its key and document take on the heap). It holds what was read (decision 083): a read's misses fill it from
/// the read table, and the projection replaces the documents it holds but adds none, so a burst of writes nobody reads does
/// not pass every document through the heap's oldest generation. A document that does not fit is not kept, and the one it
/// replaces is dropped with it, so a read never gets an older version; the least recently used make room (a fifth of the
/// bound at a time) in the background. A fill never adds a document for a key the projection committed after the fill
/// started (it may have read the table before that commit): each committed batch stamps its keys' slots with its number,
/// and a fill adds a key only when its slot is not newer than the fill. Keys share slots, so a fill may skip a key nobody
/// wrote; the next read fills it. Writes take a lock so a fill can never overwrite a newer document between its check and
/// its set.
/// On the <c>EcomErp</c> meter, for choosing the bound: the bytes and documents held, and the reads that found their document
/// or missed it.
/// </summary>
internal sealed class MemoryReadModelCache : IReadModelCache, IDisposable
{
    /// <summary>What an entry costs beyond its two strings: the cache's entry and dictionary node, and the strings' headers.</summary>
    internal const int EntryOverheadBytes = 256;

    /// <summary>Slots the committed batches stamp, by key hash: 64 Ki of them, 512 KiB whatever the load.</summary>
    private const int CommittedSlots = 1 << 16;

    public const string SizeName = "ecomerp.readmodels.cache.size";
    public const string DocumentsName = "ecomerp.readmodels.cache.documents";
    public const string ReadsName = "ecomerp.readmodels.cache.reads";

    private readonly ReadModelOptions _options;
    private readonly MemoryCache _cache;
    private readonly Lock _writes = new();
    /// <summary>The number of the last committed projection batch that wrote a key of each slot.</summary>
    private readonly long[] _committedInSlot = new long[CommittedSlots];
    private long _committedBatches;
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
            ReplaceHeld(entries);
        return Task.CompletedTask;
    }

    public Task CommittedAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            var batch = ++_committedBatches;
            foreach (var (key, _) in entries)
                _committedInSlot[SlotOf(key)] = batch;
            ReplaceHeld(entries);
        }
        return Task.CompletedTask;
    }

    public ReadModelCacheFill StartFill()
    {
        lock (_writes)
            return new(_committedBatches);
    }

    public Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, ReadModelCacheFill fill, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            foreach (var (key, document) in entries)
            {
                if (_committedInSlot[SlotOf(key)] <= fill.CommittedBatchesBefore && !_cache.TryGetValue(key, out _))
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

    private void ReplaceHeld(IReadOnlyCollection<KeyValuePair<string, string>> entries)
    {
        foreach (var (key, document) in entries)
        {
            if (_cache.TryGetValue(key, out _))
                Set(key, document);
        }
    }

    internal static int SlotOf(string key) => string.GetHashCode(key, StringComparison.Ordinal) & (CommittedSlots - 1);

    private void Set(string key, string document) =>
        _cache.Set(key, document, new MemoryCacheEntryOptions { Size = SizeOf(key, document), AbsoluteExpirationRelativeToNow = _options.CacheTimeToLive });

    /// <summary>The bytes an entry counts towards the bound: its key and document are UTF-16 strings.</summary>
    internal static long SizeOf(string key, string document) => ((long)key.Length + document.Length) * sizeof(char) + EntryOverheadBytes;
}
