using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ListTransfers;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory.Transfers;

/// <summary>
/// Transfers between locations, newest shipment first, filtered by status, page by page; and the form that sends one. A transfer
/// is created as it ships (<see cref="ShipTransfer"/>: the stock leaves Available at the source and is InTransit at the
/// destination in one transaction), so there is no draft to ship later.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class IndexModel(
    IQueryHandler<ListTransfers, DocumentPage<TransferView>> list,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    ICommandHandler<ShipTransfer, TransferView> ship) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Lines the form offers; empty ones are left out.</summary>
    public const int FormLines = 5;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "status")]
    public TransferStatus? Status { get; set; }

    [FromQuery(Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public TransferInput Input { get; set; } = new();

    public IReadOnlyList<TransferView> Transfers { get; private set; } = [];

    public int TotalCount { get; private set; }

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool MayShip => User.MayHandleStock();

    public sealed class TransferInput
    {
        [Display(Name = "From location")]
        public string? FromLocation { get; set; }

        [Display(Name = "To location")]
        public string? ToLocation { get; set; }

        [Display(Name = "Expected arrival (optional)")]
        [DataType(DataType.Date)]
        public DateOnly? ExpectedOn { get; set; }

        public List<LineInput> Lines { get; set; } = [];
    }

    public sealed class LineInput
    {
        public string? Sku { get; set; }

        public int? Quantity { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayShip)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        // The lines the person filled in, numbered as the command will number them; the form's own row of each is kept for its errors.
        var filled = Input.Lines.Select((line, row) => (line, row)).Where(l => !string.IsNullOrWhiteSpace(l.line.Sku) || l.line.Quantity is not null).ToList();
        foreach (var (line, row) in filled.Where(l => l.line.Quantity is null))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(TransferInput.Lines)}[{row}].{nameof(LineInput.Quantity)}", "Say how many units to send.");
        if (ModelState.IsValid)
        {
            var result = await ship.HandleAsync(new ShipTransfer(User.ToActor(), Input.FromLocation ?? "", Input.ToLocation ?? "",
                [.. filled.Select(l => new TransferLineInput(l.line.Sku ?? "", l.line.Quantity!.Value))], Input.ExpectedOn), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Transfer shipped from {result.Value.FromLocation} to {result.Value.ToLocation}; the stock is in transit.";
                return RedirectToPage("./Details", new { id = result.Value.TransferId });
            }
            ModelState.AddErrors(result.Errors, field => FieldOf(field, filled.Select(l => l.row).ToList()));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The form field of a command error: <c>lines[i].sku</c> names the i-th filled line, which sits in its own row of the form.</summary>
    private static string FieldOf(string? field, List<int> rows)
    {
        if (field is "fromLocation")
            return $"{nameof(Input)}.{nameof(TransferInput.FromLocation)}";
        if (field is "toLocation")
            return $"{nameof(Input)}.{nameof(TransferInput.ToLocation)}";
        if (field is "expectedOn")
            return $"{nameof(Input)}.{nameof(TransferInput.ExpectedOn)}";
        if (field is not null && field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 6 and var end
            && int.TryParse(field[6..end], out var index) && index < rows.Count)
        {
            var part = field[(end + 1)..] switch { ".sku" => nameof(LineInput.Sku), ".quantity" => nameof(LineInput.Quantity), _ => null };
            return part is null ? nameof(Input) : $"{nameof(Input)}.{nameof(TransferInput.Lines)}[{rows[index]}].{part}";
        }
        return nameof(Input);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        while (Input.Lines.Count < FormLines)
            Input.Lines.Add(new LineInput());
        Locations = [.. (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value.Select(l => l.Code)];
        var page = await list.HandleAsync(new ListTransfers(Status, PageNumber, PageSize), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(FormErrors.Readable));
            return;
        }
        (Transfers, TotalCount) = (page.Value.Items, page.Value.TotalCount);
    }
}
