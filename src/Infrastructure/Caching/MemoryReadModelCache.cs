using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Caching.Memory;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// The embedded default: a size-bounded in-process cache (one entry counts one towards
/// <see cref="ReadModelOptions.MemoryCacheEntryLimit"/>). Writes take a lock so a fill from the table
/// can never overwrite a newer document the projection wrote between the fill's check and its set.
/// </summary>
internal sealed class MemoryReadModelCache(ReadModelOptions options) : IReadModelCache, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.MemoryCacheEntryLimit });
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
        _cache.Set(key, document, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.CacheTimeToLive });
}
