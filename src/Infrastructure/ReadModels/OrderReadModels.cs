using System.Linq.Expressions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// Orders for queries: documents from the cache, the read table on a miss (filling the cache), lists in the
/// database. Never the write tables.
/// </summary>
internal sealed class OrderReadModels(ErpDbContext db, IReadModelCache cache, TimeProvider clock) : IOrderReadModels
{
    private IQueryable<OrderReadModel> Rows => db.Set<OrderReadModel>().AsNoTracking();

    public async Task<OrderView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>One cache read for all ids, then one table read for the misses.</summary>
    public async Task<IReadOnlyDictionary<Guid, OrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await cache.ReadThroughAsync([.. ids.Distinct()], ReadModelCacheKeys.Order,
            async (misses, ct) => (await Rows.Where(r => misses.Contains(r.Id)).Select(r => new { r.Id, r.Document }).ToListAsync(ct))
                .ConvertAll(r => KeyValuePair.Create(r.Id, r.Document)),
            ReadModelJson.ToOrderView, comparer: null, cancellationToken);

    public async Task<OrderView?> FindByExternalIdAsync(string channel, string externalOrderId, CancellationToken cancellationToken)
    {
        var (code, external) = (NormalizeChannel(channel), externalOrderId.Trim());
        var document = await Rows.Where(r => r.Channel == code && r.ExternalOrderId == external)
            .Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ReadModelJson.ToOrderView(document);
    }

    /// <summary>Keyset pages on (sort key, id) in either direction (<see cref="KeysetPaging"/>).</summary>
    public async Task<OrderPage> ListAsync(OrderListRequest request, CancellationToken cancellationToken)
    {
        var order = new KeysetOrder<OrderReadModel>(SortKey(request.SortField), r => r.Id, request.Descending);
        var page = await Filtered(request).PageAsync(order, Position(request.After), Position(request.Before), request.Size, request.FromTheEnd, cancellationToken);
        var keyOf = KeyOf(request.SortField);
        return new OrderPage(
            [.. page.Rows.Select(ToSummary)],
            [.. page.Rows.Select(r => new OrderCursor(keyOf(r), r.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private static (long, Guid)? Position(OrderCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);

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
        if (filter.Overdue is { } overdue)
        {
            // OrderWorkflow.MissedShipBy, in the store: the deadline passed and goods still to leave.
            var nowTicks = clock.GetUtcNow().UtcTicks;
            var stillToShip = OrderWorkflow.StillToShip.ToList();
            rows = overdue
                ? rows.Where(r => r.ShipByTicks < nowTicks && stillToShip.Contains(r.Status))
                : rows.Where(r => r.ShipByTicks >= nowTicks || !stillToShip.Contains(r.Status));
        }
        return rows;
    }

    private static LambdaExpression SortKey(OrderSortField field) => field switch
    {
        OrderSortField.CapturedAt => (Expression<Func<OrderReadModel, long>>)(r => r.CapturedAtTicks),
        OrderSortField.UpdatedAt => (Expression<Func<OrderReadModel, long>>)(r => r.UpdatedAtTicks),
        OrderSortField.Total => (Expression<Func<OrderReadModel, long>>)(r => r.TotalMinor),
        OrderSortField.Status => (Expression<Func<OrderReadModel, int>>)(r => r.StatusRank),
        OrderSortField.ShipBy => (Expression<Func<OrderReadModel, long>>)(r => r.ShipByTicks),
        OrderSortField.Priority => (Expression<Func<OrderReadModel, int>>)(r => r.Priority),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
    };

    private static Func<OrderReadModel, long> KeyOf(OrderSortField field) => field switch
    {
        OrderSortField.CapturedAt => r => r.CapturedAtTicks,
        OrderSortField.UpdatedAt => r => r.UpdatedAtTicks,
        OrderSortField.Total => r => r.TotalMinor,
        OrderSortField.Status => r => r.StatusRank,
        OrderSortField.ShipBy => r => r.ShipByTicks,
        OrderSortField.Priority => r => r.Priority,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown order sort field."),
    };

    private static OrderSummaryView ToSummary(OrderReadModel r) => new(
        r.Id, r.Channel, r.ExternalOrderId, r.Status, r.Currency, r.TotalMinor,
        new DateTimeOffset(r.CapturedAtTicks, TimeSpan.Zero), new DateTimeOffset(r.UpdatedAtTicks, TimeSpan.Zero), r.IsOnHold,
        (OrderPriority)r.Priority, new DateTimeOffset(r.ShipByTicks, TimeSpan.Zero));

    /// <summary>Channel codes are stored as the domain normalises them (trimmed, upper case).</summary>
    private static string NormalizeChannel(string channel) => channel.Trim().ToUpperInvariant();
}
