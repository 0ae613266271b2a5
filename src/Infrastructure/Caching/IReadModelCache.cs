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
    /// Before a projection batch commits: what it applied replaces the entries the cache holds for those keys. A cache that
    /// cannot be written does not fail the batch: it records what it missed durably and invalidates it when it can
    /// (decision 053), so no entry older than the read table outlives the outage. Throws only when that record cannot be
    /// kept either. The in-process cache holds only what was read (decision 083): it replaces the entries it holds and adds
    /// none.
    /// </summary>
    Task SetManyAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken);

    /// <summary>
    /// After that batch committed: the same documents again, for a cache that does not add what the projection writes. A fill
    /// that read the table before the commit may have added an older document since the write before it; this replaces it,
    /// and a fill started before this call and arriving after it adds nothing for these keys (decision 083).
    /// </summary>
    Task CommittedAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken);

    /// <summary>Taken before a read of the read tables whose documents will fill misses, and handed to <see cref="AddMissingAsync"/>.</summary>
    ReadModelCacheFill StartFill();

    /// <summary>
    /// Fills misses from the read table, but never over an existing entry, nor for a key the projection committed since
    /// <paramref name="fill"/> was taken: the table may have been read before that commit. Best effort: an outage is logged,
    /// not thrown.
    /// </summary>
    Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, ReadModelCacheFill fill, CancellationToken cancellationToken);

    /// <summary>Drops every read-model entry (the rebuild). Throws when the cache cannot be cleared.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Where a fill from the read tables started, in the cache's own count of committed projection batches (decision 083); a
/// cache that adds every projected document needs none (<c>default</c>).
/// </summary>
public readonly record struct ReadModelCacheFill(long CommittedBatchesBefore);

/// <summary>Cache keys of the read models: one namespace, so a rebuild can clear exactly these.</summary>
public static class ReadModelCacheKeys
{
    public const string Prefix = "ecomerp:rm:";

    public static string Order(Guid id) => $"{Prefix}order:{id:N}";

    public static string Return(Guid id) => $"{Prefix}return:{id:N}";

    public static string InventoryPosition(string sku) => $"{Prefix}inventory:{sku}";
}
