using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ChangeSupplierActivation;
using EcomErp.Application.Catalog.GetSupplier;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.UpdateSupplier;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Purchasing.Suppliers;

/// <summary>One supplier: its details, an edit form, activation (deactivating asks to confirm) and its recent changes from the audit log.</summary>
[Authorize(Roles = IndexModel.ReadRoles)]
public sealed class DetailsModel(
    IQueryHandler<GetSupplier, SupplierView?> get,
    ICommandHandler<UpdateSupplier, SupplierView> update,
    ICommandHandler<ActivateSupplier, SupplierView> activate,
    ICommandHandler<DeactivateSupplier, SupplierView> deactivate) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    /// <summary>The deactivation's confirm step: ticked, or the supplier stays active.</summary>
    [BindProperty]
    public bool ConfirmDeactivation { get; set; }

    public SupplierView Supplier { get; private set; } = null!;

    public bool MayChange => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Planner);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input = SupplierInput.From(Supplier);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await update.HandleAsync(new UpdateSupplier(User.ToActor(), Code, Input.Name ?? "", Input.LeadTimeDays ?? 0, Input.ContactName,
                Input.ContactEmail, Input.ContactPhone, Input.Version), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Supplier {result.Value.Code} is saved.";
                return RedirectToPage(new { code = result.Value.Code });
            }
            ModelState.AddErrors(result.Errors, SupplierInput.FieldOf);
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        return await ChangedAsync(await activate.HandleAsync(new ActivateSupplier(User.ToActor(), Code), cancellationToken), "is active again", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.Clear();
        if (!ConfirmDeactivation)
        {
            ModelState.AddModelError(nameof(ConfirmDeactivation), "Tick the box to confirm: no new purchase order may name an inactive supplier.");
            return await ReshownAsync(cancellationToken);
        }
        return await ChangedAsync(await deactivate.HandleAsync(new DeactivateSupplier(User.ToActor(), Code), cancellationToken),
            "is inactive: no new purchase order may name it", cancellationToken);
    }

    private async Task<IActionResult> ChangedAsync(Result<SupplierView> result, string done, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            StatusMessage = $"Supplier {result.Value.Code} {done}.";
            return RedirectToPage(new { code = result.Value.Code });
        }
        ModelState.Clear();
        ModelState.AddErrors(result.Errors, _ => string.Empty);
        return await ReshownAsync(cancellationToken);
    }

    /// <summary>The page again after a refused activation change, with the edit form as stored.</summary>
    private async Task<IActionResult> ReshownAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input = SupplierInput.From(Supplier);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(new GetSupplier(Code), cancellationToken);
        if (found is not { IsSuccess: true, Value: { } supplier })
            return false;
        Supplier = supplier;
        return true;
    }
}
