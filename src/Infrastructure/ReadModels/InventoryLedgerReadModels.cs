using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// The ledger for queries, from its read table: keyset pages on the outbox sequence, newest first. An entry projected
/// while a client pages lands above every cursor it holds, so pages never skip or repeat entries.
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
        ArgumentOutOfRangeException.ThrowIfNegative(slice.Size);
        var rows = Filtered(request);
        var totalCount = await rows.CountAsync(cancellationToken);

        if (slice.After is { } after)
            rows = rows.Where(r => r.Sequence < after);
        if (slice.Before is { } before)
            rows = rows.Where(r => r.Sequence > before);

        // From the end of a newest-first list is oldest first; the page is turned back to newest first below.
        rows = slice.FromTheEnd ? rows.OrderBy(r => r.Sequence) : rows.OrderByDescending(r => r.Sequence);
        var fetched = await rows.Take(slice.Size + 1).ToListAsync(cancellationToken);
        var more = fetched.Count > slice.Size;
        var page = fetched.Take(slice.Size).Select(r => r.ToView()).ToList();
        if (slice.FromTheEnd)
            page.Reverse();

        return slice.FromTheEnd
            ? new InventoryLedgerPage(page, HasNextPage: slice.Before is not null, HasPreviousPage: more, totalCount)
            : new InventoryLedgerPage(page, HasNextPage: more, HasPreviousPage: slice.After is not null, totalCount);
    }

    private IQueryable<InventoryLedgerReadModel> Filtered(InventoryLedgerRequest request)
    {
        var rows = Rows.Where(r => r.Sku == request.Sku);
        if (request.Location is { } location)
            rows = rows.Where(r => r.Location == location);
        if (request.ReasonCodes.Count > 0)
        {
            var reasons = request.ReasonCodes.ToList();
            rows = rows.Where(r => reasons.Contains(r.ReasonCode));
        }
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
