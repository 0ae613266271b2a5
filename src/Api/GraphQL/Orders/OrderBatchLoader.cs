using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrders;
using EcomErp.Application.Orders.ReadModels;
using GraphQL;
using GraphQL.DataLoader;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>
/// Loads order read models for one execution in one batch: resolvers queue ids as they run, and the
/// first result asked for fetches every queued id with a single <see cref="GetOrders"/> query (one read-model read).
/// A page of 50 orders with their lines therefore costs one store read, not 50.
/// </summary>
public sealed class OrderBatchLoader(IQueryHandler<GetOrders, IReadOnlyDictionary<Guid, OrderView>> orders)
{
    private const string UserContextKey = "ecomerp:order-batch-loader";

    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _queued = [];
    private readonly Dictionary<Guid, OrderView> _loaded = [];
    private Task? _fetching;
    private HashSet<Guid> _fetchingIds = [];

    /// <summary>The loader of this execution (kept in its user context, so nothing outlives the request).</summary>
    public static OrderBatchLoader For(IResolveFieldContext context)
    {
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(UserContextKey, out var existing) && existing is OrderBatchLoader loader)
                return loader;
            var created = new OrderBatchLoader(context.RequestServices!.GetRequiredService<IQueryHandler<GetOrders, IReadOnlyDictionary<Guid, OrderView>>>());
            context.UserContext[UserContextKey] = created;
            return created;
        }
    }

    public IDataLoaderResult<T?> Load<T>(Guid id, Func<OrderView, T> select)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(id))
                _queued.Add(id);
        }
        return new Deferred<T>(this, id, select);
    }

    private async Task<OrderView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        Task fetch;
        lock (_gate)
        {
            if (_loaded.TryGetValue(id, out var known))
                return known;
            if (_fetching is not null && _fetchingIds.Contains(id))
            {
                fetch = _fetching;
            }
            else
            {
                // Everything queued so far goes in this one read; later results find it loaded or in flight.
                _queued.Add(id);
                _fetchingIds = [.. _queued];
                _queued.Clear();
                fetch = _fetching = FetchAsync(_fetchingIds, cancellationToken);
            }
        }
        await fetch;
        lock (_gate)
            return _loaded.GetValueOrDefault(id);
    }

    private async Task FetchAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        // The query cannot fail: it answers every id it has and leaves the others out.
        var found = (await orders.HandleAsync(new GetOrders(ids), cancellationToken)).Value;
        lock (_gate)
        {
            foreach (var (key, view) in found)
                _loaded[key] = view;
        }
    }

    private sealed class Deferred<T>(OrderBatchLoader loader, Guid id, Func<OrderView, T> select) : IDataLoaderResult<T?>
    {
        public async Task<T?> GetResultAsync(CancellationToken cancellationToken = default) =>
            await loader.GetAsync(id, cancellationToken) is { } view ? select(view) : default;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
