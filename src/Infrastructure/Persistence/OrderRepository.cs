using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class OrderRepository(ErpDbContext db) : IOrderRepository
{
    private IQueryable<Order> Aggregates => db.Orders.WithParts();

    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<Order?> FindByExternalIdAsync(ChannelCode channel, string externalOrderId, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(o => o.Channel == channel && o.ExternalOrderId == externalOrderId, cancellationToken);

    public Task<int> CountOtherOrdersByEmailAsync(string customerEmail, OrderId excluding, CancellationToken cancellationToken) =>
        db.Orders.CountAsync(o => o.Customer.Email == customerEmail && o.Id != excluding, cancellationToken);

    public void Add(Order order) => db.Orders.Add(order);
}

internal static class OrderAggregateQueries
{
    /// <summary>
    /// Whole aggregates, children in their natural order: how every reader of orders loads them (the repository,
    /// the read-model projection). Split: lines, holds and timeline are independent collections, and one joined
    /// query would return their product.
    /// </summary>
    public static IQueryable<Order> WithParts(this IQueryable<Order> orders) => orders
        .Include(o => o.Lines.OrderBy(l => l.LineNumber))
        .Include(o => o.Holds.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id))
        .Include(o => o.Timeline.OrderBy(t => t.Sequence))
        .AsSplitQuery();
}
