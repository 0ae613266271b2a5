using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ListSuppliers;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ListPurchaseOrders;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Purchasing;

/// <summary>
/// Purchase orders from their read model, newest first, keyset-paged, filtered by status, supplier, receiving location and
/// ETA through the query string; planners draft a new order below the list (supplier from the master, lines with their ETAs).
/// </summary>
[Authorize(Roles = PurchasingRoles.Read)]
public sealed class IndexModel(
    IQueryHandler<ListPurchaseOrders, PurchaseOrderPage> list,
    IQueryHandler<ListSuppliers, IReadOnlyList<SupplierView>> suppliers,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    ICommandHandler<CreatePurchaseOrder, PurchaseOrderView> create) : PageModel
{
    public const int PageSize = 25;
    public const int FormLines = 5;

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)]
    public PurchaseOrderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Supplier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    /// <summary>Only orders with a line still expected before this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? EtaBefore { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public PurchaseOrderPage? Orders { get; private set; }

    /// <summary>Why the filter found nothing to show (a supplier nobody keeps, a location with no stock), readable.</summary>
    public string? Problem { get; private set; }

    public string? NextCursor { get; private set; }

    public IReadOnlyList<SupplierView> Suppliers { get; private set; } = [];

    public IReadOnlyList<LocationView> Locations { get; private set; } = [];

    public bool MayPlan => PurchasingRoles.Plan.Any(User.IsInRole);

    public sealed class DraftInput
    {
        [Display(Name = "Supplier")]
        public string? Supplier { get; set; }

        [Display(Name = "Receiving location")]
        public string? Location { get; set; }

        public List<DraftLine> Lines { get; set; } = [.. Enumerable.Range(0, FormLines).Select(_ => new DraftLine())];
    }

    public sealed class DraftLine
    {
        [Display(Name = "SKU")]
        public string? Sku { get; set; }

        [Display(Name = "Quantity")]
        public int? Quantity { get; set; }

        [Display(Name = "Expected on")]
        public DateOnly? ExpectedOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!MayPlan)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        // Empty rows of the form are not lines; each line keeps its row's number, so an error lands beside the row typed.
        var rows = Input.Lines.Select((line, row) => (line, row)).Where(l => !string.IsNullOrWhiteSpace(l.line.Sku) || l.line.Quantity is not null).ToList();
        if (ModelState.IsValid)
        {
            var result = await create.HandleAsync(new CreatePurchaseOrder(User.ToActor(), Input.Supplier ?? "", Input.Location ?? "",
                [.. rows.Select(r => new CreatePurchaseOrderLine(r.line.Sku ?? "", r.line.Quantity ?? 0, r.line.ExpectedOn ?? default))]), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Purchase order {result.Value.Id} is drafted: confirm it when the supplier does.";
                return RedirectToPage("./Details", new { id = result.Value.Id });
            }
            ModelState.AddErrors(result.Errors, field => FieldOf(field, rows.Select(r => r.row).ToList()));
        }
        while (Input.Lines.Count < FormLines)
            Input.Lines.Add(new DraftLine());
        await LoadAsync(cancellationToken);
        return Page();
    }

    public IDictionary<string, string?> RouteWith(string? after) => new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(), ["supplier"] = Supplier, ["location"] = Location,
        ["etaBefore"] = EtaBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["after"] = after,
    };

    private static string FieldOf(string? field, List<int> rows)
    {
        if (field is "supplier" or "location")
            return $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}";
        // lines[2].quantity -> the row the third line came from
        if (field is not null && field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']') is > 6 and var close
            && int.TryParse(field[6..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rows.Count)
        {
            var part = field[(close + 1)..].TrimStart('.') switch { "sku" => nameof(DraftLine.Sku), "quantity" => nameof(DraftLine.Quantity), _ => nameof(DraftLine.ExpectedOn) };
            return $"{nameof(Input)}.{nameof(DraftInput.Lines)}[{rows[index]}].{part}";
        }
        return field == "lines" ? $"{nameof(Input)}.{nameof(DraftInput.Lines)}" : string.Empty;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Suppliers = (await suppliers.HandleAsync(new ListSuppliers(), cancellationToken)).Value;
        Locations = (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value;
        var after = ParseCursor(After);
        if (After is { Length: > 0 } && after is null)
        {
            Problem = "That page link is not one this page made; start again from the first page.";
            return;
        }
        var filter = new PurchaseOrderListFilter(Status is { } status ? [status] : null, NullIfBlank(Supplier), NullIfBlank(Location), EtaBefore);
        var page = await list.HandleAsync(new ListPurchaseOrders(filter, PurchaseOrderSortField.CreatedAt, true, new PurchaseOrderSlice(PageSize, After: after)),
            cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(FormErrors.Readable));
            return;
        }
        Orders = page.Value;
        NextCursor = page.Value.HasNextPage ? FormatCursor(page.Value.Cursors[^1]) : null;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string FormatCursor(PurchaseOrderCursor cursor) => $"{cursor.SortKey.ToString(CultureInfo.InvariantCulture)}_{cursor.Id:N}";

    private static PurchaseOrderCursor? ParseCursor(string? text) =>
        text?.Split('_') is [var key, var id] && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var sortKey) && Guid.TryParseExact(id, "N", out var guid)
            ? new PurchaseOrderCursor(sortKey, guid)
            : null;
}
