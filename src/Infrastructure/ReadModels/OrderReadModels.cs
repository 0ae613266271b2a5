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
    /// Keyset pages on (sort key, id) in either direction: a row inserted or moved while a client pages cannot make it
    /// skip or repeat others. hasPreviousPage and hasNextPage are what the store holds beyond the page either way.
    /// </summary>
    public async Task<OrderPage> ListAsync(OrderListRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Size);
        var (field, descending) = (request.SortField, request.Descending);
        var filtered = Filtered(request);
        var totalCount = await filtered.CountAsync(cancellationToken);

        var rows = filtered;
        if (request.After is { } after)
            rows = rows.Where(Beyond(field, descending, after));
        if (request.Before is { } before)
            rows = rows.Where(Beyond(field, !descending, before));
        // The last items are the first ones of the list read backwards.
        var page = await Sorted(rows, field, request.FromTheEnd ? !descending : descending).Take(request.Size + 1).ToListAsync(cancellationToken);
        var more = page.Count > request.Size;
        var items = page.Take(request.Size).ToList();
        if (request.FromTheEnd)
            items.Reverse();

        // Rows outside the cursors' range: at or before 'after', at or after 'before'.
        var earlier = request.After is { } a && await filtered.Where(Not(Beyond(field, descending, a))).AnyAsync(cancellationToken);
        var later = request.Before is { } b && await filtered.Where(Not(Beyond(field, !descending, b))).AnyAsync(cancellationToken);
        var keyOf = KeyOf(field);
        return new OrderPage(
            [.. items.Select(ToSummary)],
            [.. items.Select(r => new OrderCursor(keyOf(r), r.Id))],
            HasNextPage: request.FromTheEnd ? later : more || later,
            HasPreviousPage: request.FromTheEnd ? more || earlier : earlier,
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
        if (filter.CustomerEmail is { } email)
        {
            var normalized = OrderFilter.NormalizeEmail(email);
            rows = rows.Where(r => r.CustomerEmail == normalized);
        }
        if (filter.ExternalOrderId is { } externalOrderId)
        {
            var trimmed = externalOrderId.Trim();
            rows = rows.Where(r => r.ExternalOrderId == trimmed);
        }
        if (filter.OnHold is { } onHold)
            rows = rows.Where(r => r.IsOnHold == onHold);
        if (filter.HoldTypes is { Count: > 0 } holdTypes)
        {
            var mask = OrderReadModel.HoldTypeMask(holdTypes);
            rows = rows.Where(r => (r.OpenHoldTypes & mask) != 0);
        }
        return rows;
    }

    private static IOrderedQueryable<OrderReadModel> Sorted(IQueryable<OrderReadModel> rows, OrderSortField field, bool descending) => (field, descending) switch
    {
        (OrderSortField.CapturedAt, false) => rows.OrderBy(r => r.CapturedAtTicks).ThenBy(r => r.Id),
        (OrderSortField.CapturedAt, true) => rows.OrderByDescending(r => r.CapturedAtTicks).ThenByDescending(r => r.Id),
        (OrderSortField.UpdatedAt, false) => rows.OrderBy(r => r.UpdatedAtTicks).ThenBy(r => r.Id),
        (OrderSortField.UpdatedAt, true) => rows.OrderByDescending(r => r.UpdatedAtTicks).ThenByDescending(r => r.Id),
        (OrderSortField.Total, false) => rows.OrderBy(r => r.TotalMinor).ThenBy(r => r.Id),
        (OrderSortField.Total, true) => rows.OrderByDescending(r => r.TotalMinor).ThenByDescending(r => r.Id),
        (OrderSortField.Status, false) => rows.OrderBy(r => r.StatusRank).ThenBy(r => r.Id),
        (OrderSortField.Status, true) => rows.OrderByDescending(r => r.StatusRank).ThenByDescending(r => r.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
    };

    private static LambdaExpression SortKey(OrderSortField field) => field switch
    {
        OrderSortField.CapturedAt => (Expression<Func<OrderReadModel, long>>)(r => r.CapturedAtTicks),
        OrderSortField.UpdatedAt => (Expression<Func<OrderReadModel, long>>)(r => r.UpdatedAtTicks),
        OrderSortField.Total => (Expression<Func<OrderReadModel, long>>)(r => r.TotalMinor),
        OrderSortField.Status => (Expression<Func<OrderReadModel, int>>)(r => r.StatusRank),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
    };

    private static Func<OrderReadModel, long> KeyOf(OrderSortField field) => field switch
    {
        OrderSortField.CapturedAt => r => r.CapturedAtTicks,
        OrderSortField.UpdatedAt => r => r.UpdatedAtTicks,
        OrderSortField.Total => r => r.TotalMinor,
        OrderSortField.Status => r => r.StatusRank,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
    };

    /// <summary>
    /// Rows strictly beyond the cursor when the list runs <paramref name="descending"/> or not: a key further on, or the same
    /// key and an id further on, compared the way the database orders ids. The cursor's values are captured in a closure so
    /// they reach the database as parameters.
    /// </summary>
    private static Expression<Func<OrderReadModel, bool>> Beyond(OrderSortField field, bool descending, OrderCursor cursor)
    {
        var key = SortKey(field);
        var row = key.Parameters[0];
        var at = Expression.Constant(new CursorValues(cursor.SortKey, (int)Math.Clamp(cursor.SortKey, int.MinValue, int.MaxValue), cursor.Id));
        Expression bound = key.ReturnType == typeof(int)
            ? Expression.Field(at, nameof(CursorValues.IntKey))
            : Expression.Field(at, nameof(CursorValues.LongKey));
        var idOrder = Expression.Call(Expression.Property(row, nameof(OrderReadModel.Id)), CompareGuids, Expression.Field(at, nameof(CursorValues.Id)));
        var zero = Expression.Constant(0);
        var further = descending ? Expression.LessThan(key.Body, bound) : Expression.GreaterThan(key.Body, bound);
        var tie = Expression.AndAlso(Expression.Equal(key.Body, bound), descending ? Expression.LessThan(idOrder, zero) : Expression.GreaterThan(idOrder, zero));
        return Expression.Lambda<Func<OrderReadModel, bool>>(Expression.OrElse(further, tie), row);
    }

    private static Expression<Func<OrderReadModel, bool>> Not(Expression<Func<OrderReadModel, bool>> predicate) =>
        Expression.Lambda<Func<OrderReadModel, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static readonly System.Reflection.MethodInfo CompareGuids = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    // Fields, not constants: EF Core sends a closure's fields as parameters, so every page shares one cached plan.
    private sealed class CursorValues(long longKey, int intKey, Guid id)
    {
        public readonly long LongKey = longKey;
        public readonly int IntKey = intKey;
        public readonly Guid Id = id;
    }

    private static OrderSummaryView ToSummary(OrderReadModel r) => new(
        r.Id, r.Channel, r.ExternalOrderId, r.Status, r.Currency, r.TotalMinor,
        new DateTimeOffset(r.CapturedAtTicks, TimeSpan.Zero), new DateTimeOffset(r.UpdatedAtTicks, TimeSpan.Zero), r.IsOnHold);

    /// <summary>Channel codes are stored as the domain normalises them (trimmed, upper case).</summary>
    private static string NormalizeChannel(string channel) => channel.Trim().ToUpperInvariant();
}
