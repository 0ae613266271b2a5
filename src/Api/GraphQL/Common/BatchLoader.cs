using GraphQL;
using GraphQL.DataLoader;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// Loads values by key for one execution in batches: resolvers queue keys as they run and answer with deferred results, and
/// the first result asked for fetches every key queued so far with one call. The engine resolves deferred results after the
/// whole level queued its keys (decision 004), so the children of a page of N parents cost one read, not N. A key the fetch
/// does not answer resolves to null.
/// </summary>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _queued = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private Task? _fetching;
    private HashSet<TKey> _fetchingKeys = [];

    private BatchLoader(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    /// <summary>
    /// The execution's loader of this <paramref name="name"/>, made with <paramref name="fetch"/> by the first resolver that asks;
    /// kept in the execution's user context, so nothing outlives the request (and no caller sees another's answers).
    /// </summary>
    public static BatchLoader<TKey, TValue> For(IResolveFieldContext context, string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    {
        var key = $"ecomerp:batch-loader:{name}";
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(key, out var existing) && existing is BatchLoader<TKey, TValue> loader)
                return loader;
            var created = new BatchLoader<TKey, TValue>(fetch);
            context.UserContext[key] = created;
            return created;
        }
    }

    public IDataLoaderResult<T?> Load<T>(TKey key, Func<TValue, T> select)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key))
                _queued.Add(key);
        }
        return new Deferred<T>(this, key, select);
    }

    private async Task<(bool Found, TValue? Value)> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task fetch;
        lock (_gate)
        {
            if (_loaded.TryGetValue(key, out var known))
                return (true, known);
            if (_fetching is not null && _fetchingKeys.Contains(key))
            {
                fetch = _fetching;
            }
            else
            {
                // Everything queued so far goes in this one read; later results find it loaded or in flight.
                _queued.Add(key);
                _fetchingKeys = [.. _queued];
                _queued.Clear();
                fetch = _fetching = FetchAsync(_fetchingKeys, cancellationToken);
            }
        }
        await fetch;
        lock (_gate)
            return _loaded.TryGetValue(key, out var value) ? (true, value) : (false, default);
    }

    private async Task FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken)
    {
        var found = await _fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var (key, value) in found)
                _loaded[key] = value;
        }
    }

    private sealed class Deferred<T>(BatchLoader<TKey, TValue> loader, TKey key, Func<TValue, T> select) : IDataLoaderResult<T?>
    {
        public async Task<T?> GetResultAsync(CancellationToken cancellationToken = default) =>
            await loader.GetAsync(key, cancellationToken) is (true, { } value) ? select(value) : default;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
