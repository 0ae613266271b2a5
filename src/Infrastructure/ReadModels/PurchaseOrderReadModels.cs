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

    /// <summary>Keyset pages on (sort key, id) in either direction (<see cref="KeysetPaging"/>).</summary>
    public async Task<PurchaseOrderPage> ListAsync(PurchaseOrderListRequest request, CancellationToken cancellationToken)
    {
        var slice = request.Slice;
        var sortKey = SortKey(request.SortField);
        var page = await Filtered(request.Filter).PageAsync(new KeysetOrder<PurchaseOrderReadModel>(sortKey, r => r.Id, request.Descending),
            Position(slice.After), Position(slice.Before), slice.Size, slice.FromTheEnd, cancellationToken);
        var keyOf = sortKey.Compile();
        return new PurchaseOrderPage(
            [.. page.Rows.Select(r => ReadModelJson.Deserialize<PurchaseOrderView>(r.Document))],
            [.. page.Rows.Select(r => new PurchaseOrderCursor(keyOf(r), r.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private static (long, Guid)? Position(PurchaseOrderCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);

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
}
