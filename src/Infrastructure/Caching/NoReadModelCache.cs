namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// No cache: every read goes to the read tables. For a process on the embedded default that does not run the projection (an
/// `api` or `admin` process beside the worker on one SQLite file, decision 087): the projection replaces the documents of the
/// in-process cache of the process it runs in, so another process's would keep a document after the table had moved on.
/// </summary>
internal sealed class NoReadModelCache : IReadModelCache
{
    public Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string?>>(new string?[keys.Count]);

    public Task SetManyAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommittedAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, CancellationToken cancellationToken) => Task.CompletedTask;

    public ReadModelCacheFill StartFill() => default;

    public Task AddMissingAsync(IReadOnlyCollection<KeyValuePair<string, string>> entries, ReadModelCacheFill fill, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task ClearAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
