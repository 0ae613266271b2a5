using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory;

/// <summary>Which adjustments a list shows, newest first: of one status, reason, SKU or location (null: any), a page of <see cref="Size"/> from <see cref="Skip"/>.</summary>
public sealed record AdjustmentListRequest(AdjustmentStatus? Status, string? ReasonCode, string? Sku, string? Location, int Skip, int Size);

/// <summary>
/// Which transfers a list shows, newest shipment first: of one status, with a line of one SKU (null: any), a page of
/// <see cref="Size"/> from <see cref="Skip"/>.
/// </summary>
public sealed record TransferListRequest(TransferStatus? Status, string? Sku, int Skip, int Size);

/// <summary>A page of documents and how many the filter matches.</summary>
public sealed record DocumentPage<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>
/// Lists of the ledger's documents (adjustments, transfers) for the people who work them, read untracked from their own
/// tables. They have no read model (as <c>GetStockAdjustment</c> says): their lists are short working lists, not API reads.
/// </summary>
public interface IInventoryDocuments
{
    Task<DocumentPage<AdjustmentView>> ListAdjustmentsAsync(AdjustmentListRequest request, CancellationToken cancellationToken);

    Task<DocumentPage<TransferView>> ListTransfersAsync(TransferListRequest request, CancellationToken cancellationToken);
}
