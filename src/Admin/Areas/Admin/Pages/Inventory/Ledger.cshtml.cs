using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ListInventoryLedger;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// A SKU's ledger, newest first, from the ledger read model through the same query GraphQL uses: at a location or all, of
/// a reason, into or out of a bucket, with a reference, within days (UTC); keyset pages on the entry's sequence. Filters and
/// the page are in the query string.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class LedgerModel(IQueryHandler<ListInventoryLedger, InventoryLedgerPage> list) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "sku")]
    public string? Sku { get; set; }

    [FromQuery(Name = "location")]
    public string? Location { get; set; }

    [FromQuery(Name = "reason")]
    public string? Reason { get; set; }

    [FromQuery(Name = "bucket")]
    public StockBucket? Bucket { get; set; }

    [FromQuery(Name = "reference")]
    public string? Reference { get; set; }

    /// <summary>Only the receipts of this supplier's purchase orders (a code of the supplier master; an unknown one is refused).</summary>
    [FromQuery(Name = "supplier")]
    public string? Supplier { get; set; }

    /// <summary>The first day shown (UTC).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day shown (UTC), included.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>The sequence of the last entry of the previous page.</summary>
    [FromQuery(Name = "after")]
    public long? After { get; set; }

    public IReadOnlyList<InventoryLedgerEntryView> Entries { get; private set; } = [];

    public int TotalCount { get; private set; }

    public long? NextAfter { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Sequences start at 1: a negative one is no link this page made (the query would count the entries and list none).
        if (!ModelState.IsValid || After is < 0)
        {
            Problem = "A filter could not be read: dates are yyyy-MM-dd, and page links are the ones this page made.";
            return;
        }
        if (Shell.UtcDays.AreBackwards(From, To))
        {
            Problem = Shell.UtcDays.BackwardsRange;
            return;
        }
        if (string.IsNullOrWhiteSpace(Sku))
            return;
        var filter = new InventoryLedgerFilter(
            string.IsNullOrWhiteSpace(Reason) ? null : [Reason],
            Shell.UtcDays.StartOf(From),
            Shell.UtcDays.EndOf(To),
            Supplier: string.IsNullOrWhiteSpace(Supplier) ? null : Supplier, Bucket: Bucket,
            Reference: string.IsNullOrWhiteSpace(Reference) ? null : Reference);
        var page = await list.HandleAsync(new ListInventoryLedger(Sku, string.IsNullOrWhiteSpace(Location) ? null : Location, filter,
            new LedgerSlice(PageSize, After: After)), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(Shell.FormErrors.Readable));
            return;
        }
        Entries = page.Value.Entries;
        TotalCount = page.Value.TotalCount;
        NextAfter = page.Value.HasNextPage ? Entries[^1].Sequence : null;
    }
}
