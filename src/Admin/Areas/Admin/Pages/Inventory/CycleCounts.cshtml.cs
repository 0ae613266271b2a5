using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ListStockAdjustments;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// Cycle counts: a count of Available per SKU and location (<see cref="RecordCycleCount"/>), and the recent counts that differed
/// from the ledger, which are the count-correction adjustments they caused (a count that matched changes nothing and is kept
/// only as its event).
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class CycleCountsModel(
    IQueryHandler<ListStockAdjustments, DocumentPage<AdjustmentView>> list,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    ICommandHandler<RecordCycleCount, CycleCountResult> count,
    ExceptionWorkbench workbench) : PageModel
{
    public const int PageSize = 25;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CountInput Input { get; set; } = new();

    public IReadOnlyList<AdjustmentView> Corrections { get; private set; } = [];

    public int TotalCount { get; private set; }

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string? Problem { get; private set; }

    public bool MayCount => User.MayHandleStock();

    public sealed class CountInput
    {
        [Display(Name = "SKU")]
        public string? Sku { get; set; }

        [Display(Name = "Location")]
        public string? Location { get; set; }

        [Display(Name = "Units counted (Available)")]
        public int? CountedQuantity { get; set; }
    }

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayCount)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid && Input.CountedQuantity is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CountInput.CountedQuantity)}", "Say how many units were counted.");
        if (ModelState.IsValid)
        {
            var result = await count.HandleAsync(new RecordCycleCount(User.ToActor(), Input.Sku ?? "", Input.Location ?? "", Input.CountedQuantity!.Value),
                cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = result.Value.Adjustment is { } correction
                    ? $"Count of {result.Value.Balance.Sku} at {result.Value.Balance.Location} recorded. {PositionModel.Adjusted(correction)}"
                    : $"Count of {result.Value.Balance.Sku} at {result.Value.Balance.Location} recorded: it matches the ledger.";
                return RedirectToPage();
            }
            ModelState.AddErrors(result.Errors, field => field switch
            {
                "sku" => $"{nameof(Input)}.{nameof(CountInput.Sku)}",
                "location" => $"{nameof(Input)}.{nameof(CountInput.Location)}",
                "countedQuantity" => $"{nameof(Input)}.{nameof(CountInput.CountedQuantity)}",
                _ => nameof(Input),
            });
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Locations = [.. (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value.Select(l => l.Code)];
        var page = await list.HandleAsync(new ListStockAdjustments(ReasonCode: ReasonCodes.CountCorrection, Page: PageNumber, Size: PageSize), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(FormErrors.Readable));
            return;
        }
        (Corrections, TotalCount) = (page.Value.Items, page.Value.TotalCount);
        Names = await workbench.NamesAsync([.. Corrections.SelectMany(a => new[] { a.RequestedBy, a.ApprovedBy, a.RejectedBy })]);
    }
}
