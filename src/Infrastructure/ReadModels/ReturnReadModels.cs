using System.Linq.Expressions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.ListReturns;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// Returns for queries: a document from the cache, the read table on a miss (filling the cache, as orders do), lists
/// filtered and keyset-paged in the database. Never the write tables.
/// </summary>
internal sealed class ReturnReadModels(ErpDbContext db, IReadModelCache cache, TimeProvider clock) : IReturnReadModels
{
    private IQueryable<ReturnReadModel> Rows => db.Set<ReturnReadModel>().AsNoTracking();

    public async Task<ReturnView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>One cache read for all ids, then one table read for the misses (filling the cache, as orders do).</summary>
    public async Task<IReadOnlyDictionary<Guid, ReturnView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await cache.ReadThroughAsync([.. ids.Distinct()], ReadModelCacheKeys.Return,
            async (misses, ct) => (await Rows.Where(r => misses.Contains(r.Id)).Select(r => new { r.Id, r.Document }).ToListAsync(ct))
                .ConvertAll(r => KeyValuePair.Create(r.Id, r.Document)),
            ReadModelJson.Deserialize<ReturnView>, comparer: null, cancellationToken);

    /// <summary>The documents from the table (a list read, like <see cref="ListAsync"/>), in the returns list's requested-at order.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ReturnView>>> OfOrdersAsync(
        IReadOnlyCollection<Guid> orderIds, IReadOnlyCollection<string>? visibleChannels, CancellationToken cancellationToken)
    {
        var orders = orderIds.Distinct().ToList();
        if (orders.Count == 0)
            return new Dictionary<Guid, IReadOnlyList<ReturnView>>();
        var rows = Rows.Where(r => orders.Contains(r.OrderId));
        if (visibleChannels is not null)
        {
            var channels = visibleChannels.Select(ReturnFilter.Normalize).ToList();
            rows = rows.Where(r => channels.Contains(r.Channel));
        }
        var stored = await rows.OrderBy(r => r.RequestedAtTicks).ThenBy(r => r.Id).Select(r => new { r.OrderId, r.Document }).ToListAsync(cancellationToken);
        return stored.GroupBy(r => r.OrderId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReturnView>)[.. g.Select(r => ReadModelJson.Deserialize<ReturnView>(r.Document))]);
    }

    /// <summary>Keyset pages on (sort key, id) in either direction (<see cref="KeysetPaging"/>).</summary>
    public async Task<ReturnPage> ListAsync(ReturnListRequest request, CancellationToken cancellationToken)
    {
        var (key, keyOf) = SortKey(request.SortField);
        // The oldest in its state is the one that entered it first: age descending is the state-change time ascending.
        var descending = request.SortField == ReturnSortField.Age ? !request.Descending : request.Descending;
        var page = await Filtered(request).PageAsync(new KeysetOrder<ReturnReadModel>(key, r => r.Id, descending),
            Position(request.After), Position(request.Before), request.Size, request.FromTheEnd, cancellationToken);
        return new ReturnPage(
            [.. page.Rows.Select(r => ReadModelJson.Deserialize<ReturnView>(r.Document))],
            [.. page.Rows.Select(r => new ReturnCursor(keyOf(r), r.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private static (long, Guid)? Position(ReturnCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);

    private IQueryable<ReturnReadModel> Filtered(ReturnListRequest request)
    {
        var rows = Rows;
        if (request.VisibleChannels is { } visible)
        {
            var channels = visible.Select(ReturnFilter.Normalize).ToList();
            rows = rows.Where(r => channels.Contains(r.Channel));
        }
        var filter = request.Filter;
        if (filter.Channels is { Count: > 0 } filterChannels)
        {
            var channels = filterChannels.Select(ReturnFilter.Normalize).ToList();
            rows = rows.Where(r => channels.Contains(r.Channel));
        }
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.ToList();
            rows = rows.Where(r => wanted.Contains(r.Status));
        }
        if (filter.OrderId is { } orderId)
            rows = rows.Where(r => r.OrderId == orderId);
        if (filter.Location is { } location)
        {
            var code = ReturnFilter.Normalize(location);
            rows = rows.Where(r => r.Location == code);
        }
        if (filter.NeedsApproval is { } needsApproval)
            rows = rows.Where(r => r.NeedsApproval == needsApproval);
        if (filter.RequestedFrom is { } from)
        {
            var fromTicks = from.UtcTicks;
            rows = rows.Where(r => r.RequestedAtTicks >= fromTicks);
        }
        if (filter.RequestedTo is { } to)
        {
            var toTicks = to.UtcTicks;
            rows = rows.Where(r => r.RequestedAtTicks < toTicks);
        }
        if (filter.OlderThanDays is { } days)
        {
            var enteredBy = clock.GetUtcNow().AddDays(-days).UtcTicks;
            rows = rows.Where(r => r.StatusChangedAtTicks <= enteredBy);
        }
        if (filter.RmaText is { } text)
        {
            var part = ReturnFilter.Normalize(text);
            rows = rows.Where(r => r.RmaNumber.Contains(part));
        }
        return rows;
    }

    private static (LambdaExpression Key, Func<ReturnReadModel, long> KeyOf) SortKey(ReturnSortField field) => field switch
    {
        ReturnSortField.RequestedAt => ((Expression<Func<ReturnReadModel, long>>)(r => r.RequestedAtTicks), r => r.RequestedAtTicks),
        ReturnSortField.Status => ((Expression<Func<ReturnReadModel, int>>)(r => r.StatusRank), r => r.StatusRank),
        ReturnSortField.Age => ((Expression<Func<ReturnReadModel, long>>)(r => r.StatusChangedAtTicks), r => r.StatusChangedAtTicks),
        ReturnSortField.Rma => ((Expression<Func<ReturnReadModel, long>>)(r => r.RmaOrder), r => r.RmaOrder),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown return sort field."),
    };
}
