using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.CreateSupplier;
using EcomErp.Application.Catalog.ListSuppliers;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Purchasing.Suppliers;

/// <summary>The supplier master: the list (active filter and page in the query string) and, for planners and administrators, a form to add one.</summary>
[Authorize(Roles = ReadRoles)]
public sealed class IndexModel(
    IQueryHandler<ListSuppliers, IReadOnlyList<SupplierView>> list,
    ICommandHandler<CreateSupplier, SupplierView> create) : PageModel
{
    public const string ReadRoles = $"{Roles.Admin},{Roles.Planner},{Roles.WarehouseManager},{Roles.OperationsManager},{Roles.Finance},{Roles.Executive}";
    public const int PageSize = 50;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary><c>active</c>, <c>inactive</c> or empty (all).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    public IReadOnlyList<SupplierView> Suppliers { get; private set; } = [];

    public int TotalCount { get; private set; }

    public bool HasNextPage => PageNumber * PageSize < TotalCount;

    public bool MayChange => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Planner);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await create.HandleAsync(new CreateSupplier(User.ToActor(), Input.Code ?? "", Input.Name ?? "", Input.LeadTimeDays ?? 0,
                Input.ContactName, Input.ContactEmail, Input.ContactPhone), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Supplier {result.Value.Code} is added.";
                return RedirectToPage("./Details", new { code = result.Value.Code });
            }
            ModelState.AddErrors(result.Errors, SupplierInput.FieldOf);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        bool? active = Status switch { "active" => true, "inactive" => false, _ => null };
        var all = (await list.HandleAsync(new ListSuppliers(active), cancellationToken)).Value;
        PageNumber = Math.Max(1, PageNumber);
        TotalCount = all.Count;
        Suppliers = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
