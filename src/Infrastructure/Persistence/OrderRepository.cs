using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class OrderRepository(ErpDbContext db) : IOrderRepository
{
    private IQueryable<Order> Aggregates => db.Orders.WithParts();

    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>
    /// The automation's batch, whole and tracked (decision 080): the orders with one query, then each of their parts for all of
    /// them with one query, in the parts' own order; the tracker puts each part in its order's list as it reads it. The same
    /// statements as the split query of <see cref="OrderAggregateQueries.WithParts"/>, without its per-order work in EF Core's
    /// shaper (a delegate and an asynchronous step per order and part list): about a quarter less time for the batch's load
    /// (<c>OrderBatchLoadBenchmark</c>).
    /// </summary>
    public async Task<IReadOnlyDictionary<OrderId, Order>> GetManyAsync(IReadOnlyCollection<OrderId> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return new Dictionary<OrderId, Order>();
        var wanted = ids.Distinct().ToList();
        var orders = await db.Orders.Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        if (orders.Count == 0)
            return orders;
        await PartsOf<OrderLine>().OrderBy(l => l.LineNumber).LoadAsync(cancellationToken);
        await PartsOf<Hold>().OrderBy(h => h.PlacedAt).ThenBy(h => h.Id).LoadAsync(cancellationToken);
        await PartsOf<TimelineEntry>().OrderBy(t => t.Sequence).LoadAsync(cancellationToken);
        // Few orders of a batch have shipments yet: their lines come with them.
        await PartsOf<Shipment>().OrderBy(s => s.Number).Include(s => s.Lines.OrderBy(l => l.LineNumber).ThenBy(l => l.Sku)).AsSplitQuery()
            .LoadAsync(cancellationToken);
        return orders;

        IQueryable<TPart> PartsOf<TPart>() where TPart : class =>
            db.Set<TPart>().Where(part => wanted.Contains(EF.Property<OrderId>(part, OrderChildConfiguration.OrderIdColumn)));
    }

    /// <summary>
    /// Asked when a capture's save found its external id taken (decision 063): a narrow probe of the unique key first, the whole
    /// aggregate only when there is one (a concurrent capture can still have rolled back since).
    /// </summary>
    public async Task<Order?> FindByExternalIdAsync(ChannelCode channel, string externalOrderId, CancellationToken cancellationToken)
    {
        // The probe has read its one row and closed its reader before the aggregate is read (a SQL Server connection without
        // MARS has one reader at a time).
        return await IdByExternalId(db, channel, externalOrderId, cancellationToken) is { } existing
            ? await GetAsync(existing, cancellationToken)
            : null;
    }

    /// <summary>
    /// The probe, compiled once: run as a LINQ query, translating its expression tree again (parameter extraction and the query
    /// cache's look-up) cost more CPU than the database's answer. The unique key: none or one.
    /// </summary>
    private static readonly Func<ErpDbContext, ChannelCode, string, CancellationToken, Task<OrderId?>> IdByExternalId =
        EF.CompileAsyncQuery((ErpDbContext context, ChannelCode channel, string externalOrderId, CancellationToken _) =>
            context.Orders.AsNoTracking().Where(o => o.Channel == channel && o.ExternalOrderId == externalOrderId)
                .Select(o => (OrderId?)o.Id).FirstOrDefault());

    public Task<int> CountOtherOrdersByEmailAsync(string customerEmail, OrderId excluding, CancellationToken cancellationToken) =>
        db.Orders.CountAsync(o => o.Customer.Email == customerEmail && o.Id != excluding, cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> CountOrdersByEmailAsync(IReadOnlyCollection<string> customerEmails,
        CancellationToken cancellationToken)
    {
        if (customerEmails.Count == 0)
            return new Dictionary<string, int>(StringComparer.Ordinal);
        var wanted = customerEmails.Distinct(StringComparer.Ordinal).ToList();
        var counts = await db.Orders.AsNoTracking()
            .Where(o => wanted.Contains(o.Customer.Email))
            .GroupBy(o => o.Customer.Email)
            .Select(g => new { Email = g.Key, Orders = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Email, c => c.Orders, StringComparer.Ordinal);
    }

    public void Add(Order order) => db.Orders.Add(order);

    public async Task<IReadOnlyList<Guid>> FindWaitingForStockAsync(StockArrival arrival, int limit, CancellationToken cancellationToken)
    {
        var sku = arrival.Sku;
        var waiting = db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Backordered || o.Status == OrderStatus.PartiallyAllocated) && !o.Holds.Any(h => h.ReleasedAt == null));
        if (arrival.SubstituteFor.Count == 0 || arrival.SubstitutingChannels.Count == 0)
            waiting = waiting.Where(o => o.Lines.Any(l => l.Sku == sku && l.BackorderedQuantity > 0))
                .OrderByDescending(o => o.Priority).ThenBy(o => o.CapturedAt).ThenBy(o => o.Id);
        else
        {
            var substituteFor = arrival.SubstituteFor.ToList();
            var channels = arrival.SubstitutingChannels.ToList();
            waiting = waiting
                .Where(o => o.Lines.Any(l => l.Sku == sku && l.BackorderedQuantity > 0)
                    || (channels.Contains(o.Channel) && o.Lines.Any(l => substituteFor.Contains(l.Sku) && l.BackorderedQuantity > 0)))
                // Within a priority, who ordered the arriving SKU comes before an older order it would ship in place of (decision 069).
                .OrderByDescending(o => o.Priority)
                .ThenBy(o => o.Lines.Any(l => l.Sku == sku && l.BackorderedQuantity > 0) ? 0 : 1)
                .ThenBy(o => o.CapturedAt).ThenBy(o => o.Id);
        }
        var ids = await waiting.Select(o => o.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. ids.Select(id => id.Value)];
    }
}

internal static class OrderAggregateQueries
{
    /// <summary>
    /// Whole aggregates, children in their natural order: how a single order and the read-model projection's orders are loaded
    /// (a batch for the automation loads each part for all its orders instead, decision 080, in the same order). Split: lines,
    /// holds, timeline and shipments are independent collections, and one joined query would return their product.
    /// </summary>
    public static IQueryable<Order> WithParts(this IQueryable<Order> orders) => orders
        .Include(o => o.Lines.OrderBy(l => l.LineNumber))
        .Include(o => o.Holds.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id))
        .Include(o => o.Timeline.OrderBy(t => t.Sequence))
        .Include(o => o.Shipments.OrderBy(s => s.Number)).ThenInclude(s => s.Lines.OrderBy(l => l.LineNumber).ThenBy(l => l.Sku))
        .AsSplitQuery();
}
