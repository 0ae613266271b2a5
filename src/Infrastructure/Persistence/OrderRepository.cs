using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class OrderRepository(ErpDbContext db) : IOrderRepository
{
    /// <summary>
    /// Whole aggregates, children in their natural order. Split: lines, holds and timeline are independent
    /// collections, and one joined query would return their product.
    /// </summary>
    private IQueryable<Order> Aggregates => db.Orders
        .Include(o => o.Lines.OrderBy(l => l.LineNumber))
        .Include(o => o.Holds.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id))
        .Include(o => o.Timeline.OrderBy(t => t.Sequence))
        .AsSplitQuery();

    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<Order?> FindByExternalIdAsync(ChannelCode channel, string externalOrderId, CancellationToken cancellationToken) =>
        Aggregates.FirstOrDefaultAsync(o => o.Channel == channel && o.ExternalOrderId == externalOrderId, cancellationToken);

    public Task<int> CountOtherOrdersByEmailAsync(string customerEmail, OrderId excluding, CancellationToken cancellationToken) =>
        db.Orders.CountAsync(o => o.Customer.Email == customerEmail && o.Id != excluding, cancellationToken);

    public void Add(Order order) => db.Orders.Add(order);
}
