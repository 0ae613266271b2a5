using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.CreateLocation;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Locations;

/// <summary>
/// The locations, filtered by kind in the query string and paged by number, and a form that adds one (CreateLocation).
/// Planners and administrators add; operations, warehouse and executives read.
/// </summary>
[Authorize(Roles = ChannelRoles.Read)]
public sealed class IndexModel(
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    ICommandHandler<CreateLocation, LocationView> create) : PageModel
{
    public const int PageSize = 25;

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)]
    public LocationKind? Kind { get; set; }

    // Not "page": Razor Pages route by that name, and the route's value would shadow the query string's.
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public IReadOnlyList<LocationView> Locations { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool MayChange => User.IsInRole(Roles.Planner) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (string.IsNullOrWhiteSpace(Input.Code))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LocationInput.Code)}", "A location code is required, such as WH-MUNICH.");
        if (ModelState.IsValid)
        {
            var result = await create.HandleAsync(new CreateLocation(User.ToActor(), Input.Code!, Input.ToDetails()), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Location {result.Value.Code} is added, active.";
                return RedirectToPage("./Details", new { code = result.Value.Code });
            }
            ModelState.AddErrors(result.Errors, field => LocationInput.FieldOf(nameof(Input), field));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A few dozen rows of master data (IMasterDataReader): filtered and paged here rather than by a query of their own.
        var matching = (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value
            .Where(l => Kind is null || l.Kind == Kind)
            .ToList();
        TotalCount = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Locations = [.. matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
