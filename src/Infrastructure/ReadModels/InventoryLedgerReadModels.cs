using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// The ledger for queries, from its read table: keyset pages (<see cref="KeysetPaging"/>) on the outbox sequence, newest
/// first. An entry projected while a client pages lands above every cursor it holds, so pages never skip or repeat entries.
/// </summary>
internal sealed class InventoryLedgerReadModels(ErpDbContext db) : IInventoryLedgerReadModels
{
    private IQueryable<InventoryLedgerReadModel> Rows => db.Set<InventoryLedgerReadModel>().AsNoTracking();

    public Task<bool> IsKnownSkuAsync(string sku, CancellationToken cancellationToken) =>
        db.Set<SkuReadModel>().AsNoTracking().AnyAsync(s => s.Code == sku, cancellationToken);

    public Task<bool> IsKnownLocationAsync(string location, CancellationToken cancellationToken) =>
        Rows.AnyAsync(r => r.Location == location, cancellationToken);

    public async Task<InventoryLedgerPage> ListAsync(InventoryLedgerRequest request, CancellationToken cancellationToken)
    {
        var slice = request.Slice;
        // The ledger knows a purchase order by its reference only; a supplier's are the references of its orders.
        IReadOnlyList<string>? references = request.Supplier is { } supplier
            ? [.. (await db.Set<PurchaseOrderReadModel>().AsNoTracking().Where(p => p.Supplier == supplier).Select(p => p.Id).ToListAsync(cancellationToken))
                .Select(id => $"PO:{id}")]
            : null;
        // Newest first; read backwards (from the end) it is oldest first.
        var page = await Filtered(request, references).PageAsync((rows, reversed) => reversed ? rows.OrderBy(r => r.Sequence) : rows.OrderByDescending(r => r.Sequence),
            slice.After is { } after ? r => r.Sequence < after : null, slice.Before is { } before ? r => r.Sequence > before : null,
            slice.Size, slice.FromTheEnd, cancellationToken);
        return new InventoryLedgerPage([.. page.Rows.Select(r => r.ToView())], page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private IQueryable<InventoryLedgerReadModel> Filtered(InventoryLedgerRequest request, IReadOnlyList<string>? references)
    {
        var rows = Rows.Where(r => r.Sku == request.Sku);
        if (references is not null)
            rows = rows.Where(r => references.Contains(r.Reference));
        if (request.Location is { } location)
            rows = rows.Where(r => r.Location == location);
        if (request.ReasonCodes.Count > 0)
        {
            var reasons = request.ReasonCodes.ToList();
            rows = rows.Where(r => reasons.Contains(r.ReasonCode));
        }
        if (request.Bucket is { } bucket)
            rows = rows.Where(r => r.FromBucket == bucket || r.ToBucket == bucket);
        if (request.Reference is { } reference)
            rows = rows.Where(r => r.Reference == reference);
        if (request.OccurredFrom is { } from)
        {
            var fromTicks = from.UtcTicks;
            rows = rows.Where(r => r.OccurredAtTicks >= fromTicks);
        }
        if (request.OccurredTo is { } to)
        {
            var toTicks = to.UtcTicks;
            rows = rows.Where(r => r.OccurredAtTicks < toTicks);
        }
        return rows;
    }
}
