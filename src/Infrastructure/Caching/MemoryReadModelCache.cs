using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Caching.Memory;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// The embedded default: an in-process cache bounded in bytes (<see cref="ReadModelOptions.MemoryCacheMegabytes"/>; each entry
/// counts what its key and document take on the heap). A document that does not fit is not kept, and the one it replaces is
/// dropped with it, so a read never gets an older version; the least recently used make room (a fifth of the bound at a time)
/// in the background. Writes take a lock so a fill from the table can never overwrite a newer document the projection wrote
/// between the fill's check and its set.
/// </summary>
internal sealed class MemoryReadModelCache(ReadModelOptions options) : IReadModelCache, IDisposable
{
    /// <summary>What an entry costs beyond its two strings: the cache's entry and dictionary node, and the strings' headers.</summary>
    internal const int EntryOverheadBytes = 256;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = options.MemoryCacheMegabytes * 1024L * 1024L,
        CompactionPercentage = 0.2,
    });
    private readonly Lock _writes = new();

    public Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string?>>([.. keys.Select(key => _cache.TryGetValue(key, out string? document) ? document : null)]);

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
        _cache.Set(key, document, new MemoryCacheEntryOptions { Size = SizeOf(key, document), AbsoluteExpirationRelativeToNow = options.CacheTimeToLive });

    /// <summary>The bytes an entry counts towards the bound: its key and document are UTF-16 strings.</summary>
    internal static long SizeOf(string key, string document) => ((long)key.Length + document.Length) * sizeof(char) + EntryOverheadBytes;
}
