using EcomErp.Application.Returns;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class ReturnRepository(ErpDbContext db) : IReturnRepository
{
    public Task<Return?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Returns.Include(r => r.Lines).Include(r => r.Receipts).Include(r => r.Timeline.OrderBy(e => e.Sequence)).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Return>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Returns.AsNoTracking().Include(r => r.Lines).Include(r => r.Receipts).Include(r => r.Timeline.OrderBy(e => e.Sequence)).AsSplitQuery()
            .Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<OrderLineSku, int>> UnitsOnLiveReturnsForNewReturnAsync(Guid orderId, CancellationToken cancellationToken)
    {
        // The counter is read before the units: a return saved after this read moves the counter, so this save then fails its
        // check even when the units below were read after that return committed. FindAsync sees a counter this scope took.
        var counter = await db.Set<OrderReturnCounter>().FindAsync([orderId], cancellationToken);
        if (counter is null)
            db.Add(counter = new OrderReturnCounter(orderId));
        counter.Next();
        return await UnitsOnLiveReturnsAsync(orderId, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<OrderLineSku, int>> UnitsOnLiveReturnsAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Returns.AsNoTracking()
            .Where(r => r.OrderId == orderId && r.Status != ReturnStatus.Rejected && r.Status != ReturnStatus.Cancelled)
            .SelectMany(r => r.Lines)
            // Units closed as missing never came back: the line may be returned again for them, except those an exchange already
            // replaced (the units it still waited for: exchanged less received). The customer holds that replacement, and a new
            // return would send another. Counted per line and SKU: a line that shipped part as the SKU ordered and part as a
            // substitute takes each back against its own units, and the request sums them for the line.
            .GroupBy(l => new { l.OrderLineNumber, l.Sku })
            .Select(g => new
            {
                g.Key.OrderLineNumber,
                g.Key.Sku,
                Units = g.Sum(l => l.Quantity - l.MissingQuantity + (l.ExchangeQuantity - l.ReceivedQuantity <= 0 ? 0
                    : l.MissingQuantity < l.ExchangeQuantity - l.ReceivedQuantity ? l.MissingQuantity : l.ExchangeQuantity - l.ReceivedQuantity)),
            })
            .ToDictionaryAsync(x => new OrderLineSku(x.OrderLineNumber, x.Sku), x => x.Units, cancellationToken);

    public async Task<IReadOnlyList<Return>> OfOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Returns.AsNoTracking().Include(r => r.Lines).Include(r => r.Timeline.OrderBy(e => e.Sequence)).AsSplitQuery()
            .Where(r => r.OrderId == orderId).ToListAsync(cancellationToken);

    public void Add(Return returned) => db.Returns.Add(returned);
}

/// <summary>
/// How many returns were asked for on one order: the compare-and-set token of "shipped less what is on live returns". Every
/// request takes the next count in its own save (like <see cref="DocumentCounter"/>), so two requests that counted the same
/// units race for one row and the one that saves second is a concurrency conflict, on SQLite and SQL Server alike.
/// </summary>
internal sealed class OrderReturnCounter
{
    private OrderReturnCounter() { }

    public OrderReturnCounter(Guid orderId) => OrderId = orderId;

    public Guid OrderId { get; private set; }
    public int Requested { get; private set; }

    public void Next() => Requested++;
}
