namespace EcomErp.Infrastructure.Caching;

/// <summary>How the read side reads documents through <see cref="IReadModelCache"/>: one cache read, one table read for the misses.</summary>
internal static class ReadModelCacheReads
{
    /// <summary>
    /// The views of <paramref name="ids"/> (distinct, in the comparer's sense): from the cache, then the misses from the read
    /// table by <paramref name="readRows"/>, whose documents fill the cache. The fill's mark is taken before the cache is read,
    /// so a projection batch that commits before the table read cannot have its documents replaced by older ones (decision 083).
    /// An id neither holds is left out.
    /// </summary>
    public static async Task<Dictionary<TId, TView>> ReadThroughAsync<TId, TView>(this IReadModelCache cache, IReadOnlyList<TId> ids,
        Func<TId, string> keyOf, Func<List<TId>, CancellationToken, Task<List<KeyValuePair<TId, string>>>> readRows,
        Func<string, TView> deserialize, IEqualityComparer<TId>? comparer, CancellationToken cancellationToken)
        where TId : notnull
    {
        var views = new Dictionary<TId, TView>(ids.Count, comparer);
        if (ids.Count == 0)
            return views;

        var fill = cache.StartFill();
        var cached = await cache.GetManyAsync([.. ids.Select(keyOf)], cancellationToken);
        var misses = new List<TId>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (cached[i] is { } document)
                views[ids[i]] = deserialize(document);
            else
                misses.Add(ids[i]);
        }
        if (misses.Count == 0)
            return views;

        var rows = await readRows(misses, cancellationToken);
        foreach (var (id, document) in rows)
            views[id] = deserialize(document);
        if (rows.Count > 0)
            await cache.AddMissingAsync([.. rows.Select(r => KeyValuePair.Create(keyOf(r.Key), r.Value))], fill, cancellationToken);
        return views;
    }
}
