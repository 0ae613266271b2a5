using System.Linq.Expressions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>Purchase orders for queries, from their read table: documents by id, lists filtered and keyset-paged in the database.</summary>
internal sealed class PurchaseOrderReadModels(ErpDbContext db) : IPurchaseOrderReadModels
{
    private IQueryable<PurchaseOrderReadModel> Rows => db.Set<PurchaseOrderReadModel>().AsNoTracking();

    public async Task<PurchaseOrderView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await Rows.Where(r => r.Id == id).Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ReadModelJson.Deserialize<PurchaseOrderView>(document);
    }

    public async Task<IReadOnlyDictionary<Guid, PurchaseOrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var documents = await Rows.Where(r => ids.Contains(r.Id)).Select(r => r.Document).ToListAsync(cancellationToken);
        return documents.Select(ReadModelJson.Deserialize<PurchaseOrderView>).ToDictionary(view => view.Id);
    }

    /// <summary>
    /// Keyset pages on (sort key, id) in either direction: an order projected or changed while a client pages cannot make
    /// it skip or repeat others. A page from the end is read in reverse list order and turned back.
    /// </summary>
    public async Task<PurchaseOrderPage> ListAsync(PurchaseOrderListRequest request, CancellationToken cancellationToken)
    {
        var slice = request.Slice;
        ArgumentOutOfRangeException.ThrowIfNegative(slice.Size);
        var rows = Filtered(request.Filter);
        var totalCount = await rows.CountAsync(cancellationToken);

        var sortKey = SortKey(request.SortField);
        if (slice.After is { } after)
            rows = rows.Where(PositionedAfter(request.SortField, request.Descending, after));
        // Before a cursor in list order is after it in the reverse order.
        if (slice.Before is { } before)
            rows = rows.Where(PositionedAfter(request.SortField, !request.Descending, before));
        rows = request.Descending != slice.FromTheEnd
            ? rows.OrderByDescending(sortKey).ThenByDescending(r => r.Id)
            : rows.OrderBy(sortKey).ThenBy(r => r.Id);

        var fetched = await rows.Take(slice.Size + 1).ToListAsync(cancellationToken);
        var more = fetched.Count > slice.Size;
        var items = fetched.Take(slice.Size).ToList();
        if (slice.FromTheEnd)
            items.Reverse();
        var keyOf = sortKey.Compile();
        return new PurchaseOrderPage(
            [.. items.Select(r => ReadModelJson.Deserialize<PurchaseOrderView>(r.Document))],
            [.. items.Select(r => new PurchaseOrderCursor(keyOf(r), r.Id))],
            HasNextPage: slice.FromTheEnd ? slice.Before is not null : more || slice.Before is not null,
            HasPreviousPage: slice.FromTheEnd ? more || slice.After is not null : slice.After is not null,
            totalCount);
    }

    private IQueryable<PurchaseOrderReadModel> Filtered(PurchaseOrderFilter filter)
    {
        var rows = Rows;
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.ToList();
            rows = rows.Where(r => wanted.Contains(r.Status));
        }
        if (filter.Supplier is { } supplier)
            rows = rows.Where(r => r.Supplier == supplier);
        if (filter.Location is { } location)
            rows = rows.Where(r => r.Location == location);
        if (filter.ExpectedBefore is { } before)
        {
            var day = before.DayNumber;
            rows = rows.Where(r => r.NextExpectedDay < day);
        }
        return rows;
    }

    private static Expression<Func<PurchaseOrderReadModel, long>> SortKey(PurchaseOrderSortField field) => field switch
    {
        PurchaseOrderSortField.CreatedAt => r => r.CreatedAtTicks,
        PurchaseOrderSortField.UpdatedAt => r => r.UpdatedAtTicks,
        PurchaseOrderSortField.NextExpectedOn => r => r.NextExpectedDay,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown purchase order sort field."),
    };

    /// <summary>Rows after the cursor in the page order; the id breaks ties, compared the way the database orders it.</summary>
    private static Expression<Func<PurchaseOrderReadModel, bool>> PositionedAfter(PurchaseOrderSortField field, bool descending, PurchaseOrderCursor cursor)
    {
        var (key, id) = (cursor.SortKey, cursor.Id);
        return (field, descending) switch
        {
            (PurchaseOrderSortField.CreatedAt, false) => r => r.CreatedAtTicks > key || (r.CreatedAtTicks == key && r.Id.CompareTo(id) > 0),
            (PurchaseOrderSortField.CreatedAt, true) => r => r.CreatedAtTicks < key || (r.CreatedAtTicks == key && r.Id.CompareTo(id) < 0),
            (PurchaseOrderSortField.UpdatedAt, false) => r => r.UpdatedAtTicks > key || (r.UpdatedAtTicks == key && r.Id.CompareTo(id) > 0),
            (PurchaseOrderSortField.UpdatedAt, true) => r => r.UpdatedAtTicks < key || (r.UpdatedAtTicks == key && r.Id.CompareTo(id) < 0),
            (PurchaseOrderSortField.NextExpectedOn, false) => r => r.NextExpectedDay > key || (r.NextExpectedDay == key && r.Id.CompareTo(id) > 0),
            (PurchaseOrderSortField.NextExpectedOn, true) => r => r.NextExpectedDay < key || (r.NextExpectedDay == key && r.Id.CompareTo(id) < 0),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown purchase order sort field."),
        };
    }
}
