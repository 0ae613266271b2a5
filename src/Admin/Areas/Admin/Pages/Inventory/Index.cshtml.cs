using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ListInventoryPositions;
using EcomErp.Application.Inventory.ReadModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// Stock positions, one row per SKU in code order or by units backordered: searched by SKU or name, at a location, below safety
/// stock, with backorders; filters, sort and the page in the query string.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class IndexModel(
    IQueryHandler<ListInventoryPositions, InventoryPositionPage> list,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "location")]
    public string? Location { get; set; }

    [FromQuery(Name = "below")]
    public bool BelowSafetyStock { get; set; }

    [FromQuery(Name = "backordered")]
    public bool HasBackorders { get; set; }

    [FromQuery(Name = "sort")]
    public PositionSort Sort { get; set; }

    /// <summary>The last SKU of the previous page.</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<InventoryPositionView> Positions { get; private set; } = [];

    public InventoryPositionPage? Listing { get; private set; }

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public int TotalCount { get; private set; }

    public string? NextAfter { get; private set; }

    public string? Problem { get; private set; }

    public int BackorderedOf(string sku) => Listing?.BackorderedOf(sku) ?? 0;

    /// <summary>The list's filters and sort as route values, for the pager's links.</summary>
    public Dictionary<string, string> Filters(string? after = null)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Search))
            values["q"] = Search;
        if (!string.IsNullOrEmpty(Location))
            values["location"] = Location;
        if (BelowSafetyStock)
            values["below"] = "true";
        if (HasBackorders)
            values["backordered"] = "true";
        if (Sort != PositionSort.Sku)
            values["sort"] = Sort.ToString();
        if (after is not null)
            values["after"] = after;
        return values;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Locations = [.. (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value.Select(l => l.Code)];
        if (!ModelState.IsValid)
        {
            Problem = "A filter could not be read; showing every position.";
            return;
        }
        var page = await list.HandleAsync(new ListInventoryPositions(Search, Location, BelowSafetyStock, PageSize, After, HasBackorders, Sort), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(Shell.FormErrors.Readable));
            return;
        }
        Listing = page.Value;
        Positions = page.Value.Positions;
        TotalCount = page.Value.TotalCount;
        NextAfter = page.Value.HasNextPage ? Positions[^1].Sku : null;
    }
}
