using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ActivateLocation;
using EcomErp.Application.Catalog.GetLocation;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.UpdateLocation;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Locations;

/// <summary>
/// One location: its details as a form (sent whole through UpdateLocation with the version it was filled from) and
/// activate/deactivate with a confirm step. Deactivating a location a channel's policy lists is refused with the channels
/// named; a location that holds stock shows why instead of the button. Planners and administrators change; operations, warehouse and executives read.
/// </summary>
[Authorize(Roles = ChannelRoles.Read)]
public sealed class DetailsModel(
    IQueryHandler<GetLocation, LocationRecordView> locations,
    ICommandHandler<UpdateLocation, LocationView> update,
    ICommandHandler<ActivateLocation, LocationView> activate,
    ICommandHandler<DeactivateLocation, LocationView> deactivate) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public LocationRecordView Location { get; private set; } = null!;

    /// <summary>The confirm step of deactivating (<c>?confirm=deactivate</c>): the button that acts shows only then.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public bool MayChange => User.IsInRole(Roles.Planner) || User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        Input = LocationInput.From(Location.Details, Location.Version);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        ModelState.KeepOnly(nameof(Input));
        if (!ModelState.IsValid)
            return Page();

        var result = await update.HandleAsync(new UpdateLocation(User.ToActor(), Location.Code, Input.ToDetails(), Input.ExpectedVersion), cancellationToken);
        if (result.IsSuccess)
        {
            StatusMessage = $"Location {Location.Code} is saved.";
            return RedirectToPage(new { code = Location.Code });
        }
        ModelState.AddErrors(result.Errors, field => LocationInput.FieldOf(nameof(Input), field));
        return Page();
    }

    public Task<IActionResult> OnPostActivateAsync(string code, CancellationToken cancellationToken) =>
        ChangeActivationAsync(code, location => activate.HandleAsync(new ActivateLocation(User.ToActor(), location), cancellationToken), "ships again", cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(string code, CancellationToken cancellationToken) =>
        ChangeActivationAsync(code, location => deactivate.HandleAsync(new DeactivateLocation(User.ToActor(), location), cancellationToken), "ships nothing until it is activated again", cancellationToken);

    private async Task<IActionResult> ChangeActivationAsync(string code, Func<string, Task<Result<LocationView>>> change, string done, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        var result = await change(Location.Code);
        StatusMessage = result.IsSuccess ? $"Location {Location.Code} {done}." : string.Join(" ", result.Errors.Select(FormErrors.Readable));
        return RedirectToPage(new { code = Location.Code });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var found = await locations.HandleAsync(new GetLocation(code), cancellationToken);
        if (found.IsFailure)
            return false;
        Location = found.Value;
        return true;
    }
}
