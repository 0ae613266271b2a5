using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

public enum PurchaseOrderSortField
{
    CreatedAt = 0,
    UpdatedAt = 1,

    /// <summary>The next ETA of a line still expected; orders expecting nothing sort after every date.</summary>
    NextExpectedOn = 2,
}

/// <summary>Codes already normalised. <see cref="ExpectedBefore"/> keeps orders with a line still expected before that day.</summary>
public sealed record PurchaseOrderFilter(
    IReadOnlyCollection<PurchaseOrderStatus>? Statuses = null, string? Supplier = null, string? Location = null, DateOnly? ExpectedBefore = null);

/// <summary>A position in a sorted list: the sort key, and the id to break ties, so pages never skip or repeat orders.</summary>
public sealed record PurchaseOrderCursor(long SortKey, Guid Id);

/// <summary>
/// Which part of a sorted list to return: of the orders after <see cref="After"/> and before <see cref="Before"/> (in list
/// order), the first <see cref="Size"/>, or with <see cref="FromTheEnd"/> the last <see cref="Size"/> (Relay's <c>last</c>);
/// either way the page is returned in list order.
/// </summary>
public sealed record PurchaseOrderSlice(int Size, bool FromTheEnd = false, PurchaseOrderCursor? After = null, PurchaseOrderCursor? Before = null);

public sealed record PurchaseOrderListRequest(PurchaseOrderFilter Filter, PurchaseOrderSortField SortField, bool Descending, PurchaseOrderSlice Slice);

/// <summary>
/// A page of purchase orders in list order, each with its cursor, and whether orders lie beyond it on either side.
/// <see cref="TotalCount"/> counts every order the filter matches, whatever the cursors.
/// </summary>
public sealed record PurchaseOrderPage(
    IReadOnlyList<PurchaseOrderView> Items, IReadOnlyList<PurchaseOrderCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>The purchase order read models, from their read table. Never the write tables.</summary>
public interface IPurchaseOrderReadModels
{
    /// <summary>The purchase order by id; null when none was projected.</summary>
    Task<PurchaseOrderView?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Many purchase orders in one round trip (node lookups); ids with none projected are absent from the result.</summary>
    Task<IReadOnlyDictionary<Guid, PurchaseOrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<PurchaseOrderPage> ListAsync(PurchaseOrderListRequest request, CancellationToken cancellationToken);
}
