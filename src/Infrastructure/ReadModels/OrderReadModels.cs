using System.Linq.Expressions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// Orders for queries: documents from the cache, the read table on a miss (filling the cache), lists in the
/// database. Never the write tables.
/// </summary>
internal sealed class OrderReadModels(ErpDbContext db, IReadModelCache cache) : IOrderReadModels
{
    private static readonly Expression<Func<OrderReadModel, long>> ByCapturedAt = r => r.CapturedAtTicks;
    private static readonly Expression<Func<OrderReadModel, long>> ByTotal = r => r.TotalMinor;
    private static readonly Func<OrderReadModel, long> CapturedAtOf = ByCapturedAt.Compile();
    private static readonly Func<OrderReadModel, long> TotalOf = ByTotal.Compile();

    private IQueryable<OrderReadModel> Rows => db.Set<OrderReadModel>().AsNoTracking();

    public async Task<OrderView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>One cache read for all ids, then one table read for the misses.</summary>
    public async Task<IReadOnlyDictionary<Guid, OrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var views = new Dictionary<Guid, OrderView>(wanted.Count);
        if (wanted.Count == 0)
            return views;

        var cached = await cache.GetManyAsync([.. wanted.Select(ReadModelCacheKeys.Order)], cancellationToken);
        var misses = new List<Guid>();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (cached[i] is { } document)
                views[wanted[i]] = ReadModelJson.ToOrderView(document);
            else
                misses.Add(wanted[i]);
        }
        if (misses.Count == 0)
            return views;

        var stored = await Rows.Where(r => misses.Contains(r.Id)).Select(r => new { r.Id, r.Document }).ToListAsync(cancellationToken);
        foreach (var row in stored)
            views[row.Id] = ReadModelJson.ToOrderView(row.Document);
        await cache.AddMissingAsync([.. stored.Select(r => KeyValuePair.Create(ReadModelCacheKeys.Order(r.Id), r.Document))], cancellationToken);
        return views;
    }

    public async Task<OrderView?> FindByExternalIdAsync(string channel, string externalOrderId, CancellationToken cancellationToken)
    {
        var (code, external) = (NormalizeChannel(channel), externalOrderId.Trim());
        var document = await Rows.Where(r => r.Channel == code && r.ExternalOrderId == external)
            .Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ReadModelJson.ToOrderView(document);
    }

    /// <summary>
    /// Keyset pages on (sort key, id): a row inserted or moved while a client pages cannot make it skip or
    /// repeat others. The captured-at range includes its start and excludes its end.
    /// </summary>
    public async Task<OrderPage> ListAsync(OrderListRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.First);
        var rows = Filtered(request);
        var totalCount = await rows.CountAsync(cancellationToken);

        var sortKey = SortKey(request.SortField);
        if (request.After is { } after)
            rows = rows.Where(PositionedAfter(request.SortField, request.Descending, after));
        rows = request.Descending
            ? rows.OrderByDescending(sortKey).ThenByDescending(r => r.Id)
            : rows.OrderBy(sortKey).ThenBy(r => r.Id);

        var page = await rows.Take(request.First + 1).ToListAsync(cancellationToken);
        var items = page.Take(request.First).ToList();
        var keyOf = request.SortField == OrderSortField.Total ? TotalOf : CapturedAtOf;
        return new OrderPage(
            [.. items.Select(ToSummary)],
            [.. items.Select(r => new OrderCursor(keyOf(r), r.Id))],
            HasNextPage: page.Count > request.First,
            totalCount);
    }

    private IQueryable<OrderReadModel> Filtered(OrderListRequest request)
    {
        var rows = Rows;
        if (request.VisibleChannels is { } visible)
        {
            var channels = visible.Select(NormalizeChannel).ToList();
            rows = rows.Where(r => channels.Contains(r.Channel));
        }
        var filter = request.Filter;
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.ToList();
            rows = rows.Where(r => wanted.Contains(r.Status));
        }
        if (filter.Channels is { Count: > 0 } filterChannels)
        {
            var channels = filterChannels.Select(NormalizeChannel).ToList();
            rows = rows.Where(r => channels.Contains(r.Channel));
        }
        if (filter.CapturedFrom is { } from)
        {
            var fromTicks = from.UtcTicks;
            rows = rows.Where(r => r.CapturedAtTicks >= fromTicks);
        }
        if (filter.CapturedTo is { } to)
        {
            var toTicks = to.UtcTicks;
            rows = rows.Where(r => r.CapturedAtTicks < toTicks);
        }
        return rows;
    }

    private static Expression<Func<OrderReadModel, long>> SortKey(OrderSortField field) => field switch
    {
        OrderSortField.CapturedAt => ByCapturedAt,
        OrderSortField.Total => ByTotal,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
    };

    /// <summary>Rows after the cursor in the page order; the id breaks ties, compared the way the database orders it.</summary>
    private static Expression<Func<OrderReadModel, bool>> PositionedAfter(OrderSortField field, bool descending, OrderCursor cursor)
    {
        var (key, id) = (cursor.SortKey, cursor.Id);
        return (field, descending) switch
        {
            (OrderSortField.CapturedAt, false) => r => r.CapturedAtTicks > key || (r.CapturedAtTicks == key && r.Id.CompareTo(id) > 0),
            (OrderSortField.CapturedAt, true) => r => r.CapturedAtTicks < key || (r.CapturedAtTicks == key && r.Id.CompareTo(id) < 0),
            (OrderSortField.Total, false) => r => r.TotalMinor > key || (r.TotalMinor == key && r.Id.CompareTo(id) > 0),
            (OrderSortField.Total, true) => r => r.TotalMinor < key || (r.TotalMinor == key && r.Id.CompareTo(id) < 0),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
        };
    }

    private static OrderSummaryView ToSummary(OrderReadModel r) => new(
        r.Id, r.Channel, r.ExternalOrderId, r.Status, r.Currency, r.TotalMinor,
        new DateTimeOffset(r.CapturedAtTicks, TimeSpan.Zero), new DateTimeOffset(r.UpdatedAtTicks, TimeSpan.Zero), r.IsOnHold);

    /// <summary>Channel codes are stored as the domain normalises them (trimmed, upper case).</summary>
    private static string NormalizeChannel(string channel) => channel.Trim().ToUpperInvariant();
}
