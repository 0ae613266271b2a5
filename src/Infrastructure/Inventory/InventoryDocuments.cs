using EcomErp.Application.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Inventory;

/// <summary>Adjustment and transfer lists from their own tables, untracked; timestamps are ticks in the store, so the order runs there.</summary>
internal sealed class InventoryDocuments(ErpDbContext db) : IInventoryDocuments
{
    public async Task<DocumentPage<AdjustmentView>> ListAdjustmentsAsync(AdjustmentListRequest request, CancellationToken cancellationToken)
    {
        var rows = db.Set<StockAdjustment>().AsNoTracking();
        if (request.Status is { } status)
            rows = rows.Where(a => a.Status == status);
        if (request.ReasonCode is { } reason)
            rows = rows.Where(a => a.ReasonCode == reason);
        if (request.Sku is { } sku)
        {
            var code = SkuCode.Of(sku);
            rows = rows.Where(a => a.Sku == code);
        }
        if (request.Location is { } location)
        {
            var code = LocationCode.Of(location);
            rows = rows.Where(a => a.Location == code);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.RequestedAt).ThenByDescending(a => a.Id)
            .Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new DocumentPage<AdjustmentView>([.. page.Select(AdjustmentView.From)], total);
    }

    public async Task<DocumentPage<TransferView>> ListTransfersAsync(TransferListRequest request, CancellationToken cancellationToken)
    {
        var rows = db.Set<Transfer>().AsNoTracking();
        if (request.Status is { } status)
            rows = rows.Where(t => t.Status == status);
        if (request.Sku is { } sku)
        {
            var code = SkuCode.Of(sku);
            rows = rows.Where(t => t.Lines.Any(l => l.Sku == code));
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(t => t.ShippedAt).ThenByDescending(t => t.Id)
            .Include(t => t.Lines.OrderBy(l => l.LineNumber))
            .Skip(request.Skip).Take(request.Size).AsSplitQuery().ToListAsync(cancellationToken);
        return new DocumentPage<TransferView>([.. page.Select(TransferView.From)], total);
    }
}
