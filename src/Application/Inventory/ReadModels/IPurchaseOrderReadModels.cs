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

public sealed record PurchaseOrderListRequest(PurchaseOrderFilter Filter, PurchaseOrderSortField SortField, bool Descending, int First, PurchaseOrderCursor? After);

public sealed record PurchaseOrderPage(
    IReadOnlyList<PurchaseOrderRecordView> Items, IReadOnlyList<PurchaseOrderCursor> Cursors, bool HasNextPage, int TotalCount);

/// <summary>The purchase order read models, from their read table. Never the write tables.</summary>
public interface IPurchaseOrderReadModels
{
    Task<PurchaseOrderRecordView?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<PurchaseOrderPage> ListAsync(PurchaseOrderListRequest request, CancellationToken cancellationToken);
}
