using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.CreateCarrier;
using EcomErp.Application.Catalog.ListCarriers;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.UpdateCarrier;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Carriers;

/// <summary>
/// Carriers and the service levels they offer: the list, a form to add one, and the chosen carrier's form (<c>?code=</c>) to
/// change it. Once any carrier is kept here, shipments are confirmed only with an active one.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Planner},{Roles.OperationsManager},{Roles.Finance},{Roles.Executive}")]
public sealed class IndexModel(
    IQueryHandler<ListCarriers, IReadOnlyList<CarrierView>> list,
    ICommandHandler<CreateCarrier, CarrierView> create,
    ICommandHandler<UpdateCarrier, CarrierView> update) : PageModel
{
    public const int PageSize = 50;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The carrier being edited, from the query string.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CarrierInput Input { get; set; } = new();

    public IReadOnlyList<CarrierView> Carriers { get; private set; } = [];

    public int TotalCount { get; private set; }

    public bool HasNextPage => PageNumber * PageSize < TotalCount;

    public CarrierView? Editing { get; private set; }

    public bool MayChange => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Planner);

    public sealed class CarrierInput
    {
        [Display(Name = "Code")]
        public string? Code { get; set; }

        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Service levels")]
        public List<ServiceLevel> ServiceLevels { get; set; } = [];

        [Display(Name = "Tracking URL template")]
        public string? TrackingUrlTemplate { get; set; }

        [Display(Name = "Active")]
        public bool IsActive { get; set; } = true;

        public int? Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Editing is { } carrier)
            Input = new CarrierInput
            {
                Code = carrier.Code, Name = carrier.Name, ServiceLevels = [.. carrier.ServiceLevels], TrackingUrlTemplate = carrier.TrackingUrlTemplate,
                IsActive = carrier.IsActive, Version = carrier.Version,
            };
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        Code = null;
        return await SavedAsync(create.HandleAsync(
            new CreateCarrier(User.ToActor(), Input.Code ?? "", Input.Name ?? "", Input.ServiceLevels, Input.TrackingUrlTemplate), cancellationToken),
            "is added", cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        Code = Input.Code;
        return await SavedAsync(update.HandleAsync(new UpdateCarrier(User.ToActor(), Input.Code ?? "", Input.Name ?? "", Input.ServiceLevels,
            Input.TrackingUrlTemplate, Input.IsActive, Input.Version), cancellationToken), "is saved", cancellationToken);
    }

    private async Task<IActionResult> SavedAsync(Task<Domain.Common.Result<CarrierView>> command, string done, CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await command;
            if (result.IsSuccess)
            {
                StatusMessage = $"Carrier {result.Value.Code} {done}.";
                return RedirectToPage();
            }
            ModelState.AddErrors(result.Errors, FieldOf);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static string FieldOf(string? field) => field switch
    {
        "code" => $"{nameof(Input)}.{nameof(CarrierInput.Code)}",
        "name" => $"{nameof(Input)}.{nameof(CarrierInput.Name)}",
        "serviceLevels" => $"{nameof(Input)}.{nameof(CarrierInput.ServiceLevels)}",
        "trackingUrlTemplate" => $"{nameof(Input)}.{nameof(CarrierInput.TrackingUrlTemplate)}",
        _ => string.Empty,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = (await list.HandleAsync(new ListCarriers(), cancellationToken)).Value;
        PageNumber = Math.Max(1, PageNumber);
        TotalCount = all.Count;
        Carriers = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        Editing = Code is null ? null : all.FirstOrDefault(c => string.Equals(c.Code, Code.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
