using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// Which part of a newest-first list to return. Cursors are outbox sequences: <see cref="After"/> keeps the entries
/// older than it, <see cref="Before"/> the entries newer than it. Of what remains, the first <see cref="Size"/>
/// entries, or with <see cref="FromTheEnd"/> the last <see cref="Size"/> (Relay's <c>last</c>); either way the page
/// is returned newest first.
/// </summary>
public sealed record LedgerSlice(int Size, bool FromTheEnd = false, long? After = null, long? Before = null);

/// <summary>
/// One page of one SKU's ledger, codes already normalised: at one location or all, with the given reason codes only
/// (empty: every reason), occurred in [<see cref="OccurredFrom"/>, <see cref="OccurredTo"/>), into or out of
/// <see cref="Bucket"/> (null: any), with exactly <see cref="Reference"/> (null: any).
/// </summary>
public sealed record InventoryLedgerRequest(
    string Sku, string? Location, IReadOnlyCollection<string> ReasonCodes, DateTimeOffset? OccurredFrom, DateTimeOffset? OccurredTo, LedgerSlice Slice,
    string? Supplier = null, StockBucket? Bucket = null, string? Reference = null);

/// <summary>
/// A page of ledger entries, newest first, and whether entries lie beyond it. Paging forward, <see cref="HasPreviousPage"/>
/// is true when the page starts after a cursor; paging backward (<c>last</c>), <see cref="HasNextPage"/> is true when it
/// ends before one. <see cref="TotalCount"/> counts every entry the filter matches, whatever the cursors.
/// </summary>
public sealed record InventoryLedgerPage(IReadOnlyList<InventoryLedgerEntryView> Entries, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>The inventory ledger read model: one row per ledger event, read from its read table. Never the write tables.</summary>
public interface IInventoryLedgerReadModels
{
    /// <summary>True when the SKU is in the catalog read model (a normalised code).</summary>
    Task<bool> IsKnownSkuAsync(string sku, CancellationToken cancellationToken);

    /// <summary>True when any ledger entry was ever booked at the location (a normalised code).</summary>
    Task<bool> IsKnownLocationAsync(string location, CancellationToken cancellationToken);

    Task<InventoryLedgerPage> ListAsync(InventoryLedgerRequest request, CancellationToken cancellationToken);
}
