using EcomErp.Application.Returns;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class ReturnRepository(ErpDbContext db) : IReturnRepository
{
    public Task<Return?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Returns.Include(r => r.Lines).Include(r => r.Receipts).Include(r => r.Timeline.OrderBy(e => e.Sequence)).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyDictionary<int, int>> UnitsOnLiveReturnsAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Returns.AsNoTracking()
            .Where(r => r.OrderId == orderId && r.Status != ReturnStatus.Rejected && r.Status != ReturnStatus.Cancelled)
            .SelectMany(r => r.Lines)
            // Units closed as missing never came back: the line may be returned again for them.
            .GroupBy(l => l.OrderLineNumber)
            .Select(g => new { Line = g.Key, Units = g.Sum(l => l.Quantity - l.MissingQuantity) })
            .ToDictionaryAsync(x => x.Line, x => x.Units, cancellationToken);

    public async Task<IReadOnlyList<Return>> OfOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Returns.AsNoTracking().Include(r => r.Lines).Include(r => r.Timeline.OrderBy(e => e.Sequence)).AsSplitQuery()
            .Where(r => r.OrderId == orderId).ToListAsync(cancellationToken);

    public void Add(Return returned) => db.Returns.Add(returned);
}
