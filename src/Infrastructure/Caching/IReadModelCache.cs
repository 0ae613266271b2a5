namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// Read-model documents (JSON) by key, in front of the read tables. The read tables are the truth: an
/// entry may be missing at any time, and a cache that cannot answer reports misses rather than failing.
/// </summary>
public interface IReadModelCache
{
    /// <summary>The cached documents, in the order of <paramref name="keys"/>, null for a miss. Never throws for an outage.</summary>
    Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what the projection just applied, replacing older entries. A cache that cannot be written does not
    /// fail the batch: it records what it missed durably and invalidates it when it can (decision 053), so no entry
    /// older than the read table outlives the outage. Throws only when that record cannot be kept either.
    /// </summary>
    Task SetManyAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Fills misses from the read table, but never over an existing entry: the projection may have written a
    /// newer document since the table was read. Best effort: an outage is logged, not thrown.
    /// </summary>
    Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken);

    /// <summary>Drops every read-model entry (the rebuild). Throws when the cache cannot be cleared.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}

/// <summary>Cache keys of the read models: one namespace, so a rebuild can clear exactly these.</summary>
public static class ReadModelCacheKeys
{
    public const string Prefix = "ecomerp:rm:";

    public static string Order(Guid id) => $"{Prefix}order:{id:N}";

    public static string Return(Guid id) => $"{Prefix}return:{id:N}";

    public static string InventoryPosition(string sku) => $"{Prefix}inventory:{sku}";
}
