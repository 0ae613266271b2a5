using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Inventory;

internal sealed class AvailableToPromiseReader(ErpDbContext db) : IAvailableToPromiseReader
{
    public async Task<IReadOnlyList<PromiseBalance>> ReadBalancesAsync(IReadOnlyCollection<SkuCode> skus, IReadOnlyCollection<LocationCode> locations,
        CancellationToken cancellationToken)
    {
        var (wantedSkus, wantedLocations) = (skus.Distinct().ToList(), locations.Distinct().ToList());
        return await db.Set<InventoryBalance>().AsNoTracking()
            .Where(b => wantedSkus.Contains(b.Sku) && wantedLocations.Contains(b.Location))
            .Select(b => new PromiseBalance(b.Sku, b.Location, b.Available, b.SafetyStock, b.Reserved, b.Inbound))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PromiseInbound>> ReadInboundAsync(IReadOnlyCollection<SkuCode> skus, IReadOnlyCollection<LocationCode> locations,
        CancellationToken cancellationToken)
    {
        var (wantedSkus, wantedLocations) = (skus.Distinct().ToList(), locations.Distinct().ToList());
        var lines = await (
            from order in db.Set<PurchaseOrder>().AsNoTracking()
            where (order.Status == PurchaseOrderStatus.Confirmed || order.Status == PurchaseOrderStatus.PartiallyReceived)
                && wantedLocations.Contains(order.Location)
            from line in order.Lines
            where line.OutstandingQuantity > 0 && wantedSkus.Contains(line.Sku)
            select new { order.Id, order.Location, line.Sku, line.LineNumber, line.ExpectedOn, line.OutstandingQuantity })
            .ToListAsync(cancellationToken);
        return [.. lines.Select(l => new PromiseInbound(l.Sku, l.Location, l.Id.Value, l.LineNumber, l.ExpectedOn, l.OutstandingQuantity))];
    }
}
