using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation.GetAllocationPreview;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ActivateChannel;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.RenameChannel;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Channels;

/// <summary>
/// One channel: its allocation policy as a form (sent whole through SetChannelPolicy, the command the API's
/// setChannelPolicy sends), and an allocation preview of a sample order under the policy in force (GetAllocationPreview, the
/// API's dry run), so a planner sees what a change does before and after saving it; a rename form (RenameChannel). Planners
/// and administrators change;
/// operations, warehouse and executives read.
/// </summary>
[Authorize(Roles = ChannelRoles.Read)]
public sealed class DetailsModel(
    IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    IQueryHandler<GetAllocationPreview, AllocationPreviewView> preview,
    ICommandHandler<SetChannelPolicy, ChannelPolicyView> setPolicy,
    ICommandHandler<ActivateChannel, ChannelView> activate,
    ICommandHandler<DeactivateChannel, ChannelView> deactivate,
    ICommandHandler<RenameChannel, ChannelView> rename) : PageModel
{
    /// <summary>The rule selects of the form: one per allocation rule, so any order of all of them can be entered.</summary>
    public static readonly int RuleSlots = Enum.GetValues<AllocationRule>().Length;

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public PolicyInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public PreviewInput Sample { get; set; } = new();

    [BindProperty]
    public RenameInput Renaming { get; set; } = new();

    public ChannelView Channel { get; private set; } = null!;

    public IReadOnlyList<LocationView> Locations { get; private set; } = [];

    public AllocationPreviewView? Preview { get; private set; }

    /// <summary>The confirm step of deactivating (<c>?confirm=deactivate</c>): the button that acts shows only then.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public bool MayChange => User.IsInRole(Roles.Planner) || User.IsInRole(Roles.Admin);

    public sealed class PolicyInput
    {
        /// <summary>The policy's version the form was filled from; a change saved since then is refused, not overwritten.</summary>
        public int? ExpectedVersion { get; set; }

        [Display(Name = "Eligible locations, in order of preference")]
        public string? EligibleLocations { get; set; }

        [Display(Name = "Alternate locations (3PL, drop-ship), in order")]
        public string? AlternateLocations { get; set; }

        [Display(Name = "Orders may ship in several shipments (split)")]
        public bool SplitAllowed { get; set; }

        [Display(Name = "Units out of stock are backordered")]
        public bool BackorderAllowed { get; set; }

        [Display(Name = "A SKU may ship as one of its substitutes")]
        public bool SubstitutionAllowed { get; set; }

        public List<string?> RuleOrder { get; set; } = [];

        [Display(Name = "Stock share (%)")]
        public int? StockSharePercent { get; set; }

        [Display(Name = "Stock cap per SKU (units)")]
        public int? StockCapPerSku { get; set; }

        [Display(Name = "Lowest priority that may draw on safety stock")]
        public OrderPriority? SafetyStockDrawFrom { get; set; }

        [Display(Name = "Ship-by SLA (hours from capture)")]
        public int? ShipBySlaHours { get; set; }

        public static PolicyInput From(ChannelPolicyView policy) => new()
        {
            ExpectedVersion = policy.Version,
            EligibleLocations = string.Join(", ", policy.EligibleLocations),
            AlternateLocations = string.Join(", ", policy.AlternateLocations),
            SplitAllowed = policy.SplitAllowed, BackorderAllowed = policy.BackorderAllowed, SubstitutionAllowed = policy.SubstitutionAllowed,
            RuleOrder = [.. policy.RuleOrder], StockSharePercent = policy.StockSharePercent, StockCapPerSku = policy.StockCapPerSku,
            SafetyStockDrawFrom = policy.SafetyStockDrawFrom, ShipBySlaHours = policy.ShipBySlaHours,
        };
    }

    public sealed class RenameInput
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }
    }

    /// <summary>A sample order to preview: one "SKU quantity" per line, where it ships to and how fast.</summary>
    public sealed class PreviewInput
    {
        [Display(Name = "Lines (one \"SKU quantity\" per line)")]
        public string? Lines { get; set; }

        [Display(Name = "Ship-to country (ISO code)")]
        public string? ShipTo { get; set; }

        [Display(Name = "Ship-to region (optional)")]
        public string? Region { get; set; }

        [Display(Name = "Service level")]
        public ServiceLevel Service { get; set; } = ServiceLevel.Standard;
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        Input = PolicyInput.From(Channel.Policy);
        Renaming = new RenameInput { Name = Channel.Name };
        ModelState.KeepOnly(nameof(Sample));
        await PreviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        ModelState.KeepOnly(nameof(Input));
        if (Input.ShipBySlaHours is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PolicyInput.ShipBySlaHours)}", "A ship-by SLA in hours is required.");
        if (!ModelState.IsValid)
            return Page();

        var result = await setPolicy.HandleAsync(new SetChannelPolicy(User.ToActor(), Channel.Code, Codes(Input.EligibleLocations), Codes(Input.AlternateLocations),
            Input.SplitAllowed, Input.BackorderAllowed, Input.SubstitutionAllowed, [.. Input.RuleOrder.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!)],
            Input.StockSharePercent, Input.StockCapPerSku, Input.SafetyStockDrawFrom, Input.ShipBySlaHours!.Value, Input.ExpectedVersion), cancellationToken);
        if (result.IsSuccess)
        {
            StatusMessage = $"The allocation policy of {Channel.Code} is saved (version {result.Value.Version}).";
            return RedirectToPage(new { code = Channel.Code, Sample.Lines, Sample.ShipTo, Sample.Region, Sample.Service });
        }
        ModelState.AddErrors(result.Errors, PolicyField);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string code, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        ModelState.KeepOnly(nameof(Renaming));
        if (ModelState.IsValid)
        {
            var result = await rename.HandleAsync(new RenameChannel(User.ToActor(), Channel.Code, Renaming.Name ?? ""), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Channel {Channel.Code} is now named {result.Value.Name}.";
                return RedirectToPage(new { code = Channel.Code });
            }
            ModelState.AddErrors(result.Errors, field => field == "name" ? $"{nameof(Renaming)}.{nameof(RenameInput.Name)}" : string.Empty);
        }
        // The policy form shows what is in force, not what this post left in it.
        Input = PolicyInput.From(Channel.Policy);
        return Page();
    }

    public Task<IActionResult> OnPostActivateAsync(string code, CancellationToken cancellationToken) =>
        ChangeActivationAsync(code, channel => activate.HandleAsync(new ActivateChannel(User.ToActor(), channel), cancellationToken), "takes orders again", cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(string code, CancellationToken cancellationToken) =>
        ChangeActivationAsync(code, channel => deactivate.HandleAsync(new DeactivateChannel(User.ToActor(), channel), cancellationToken), "takes no new orders", cancellationToken);

    private async Task<IActionResult> ChangeActivationAsync(string code, Func<string, Task<Result<ChannelView>>> change, string done, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        var result = await change(Channel.Code);
        StatusMessage = result.IsSuccess ? $"Channel {Channel.Code} {done}." : string.Join(" ", result.Errors.Select(FormErrors.Readable));
        return RedirectToPage(new { code = Channel.Code });
    }

    /// <summary>Codes as typed, separated by commas or white space; the command and the domain check them.</summary>
    private static string[] Codes(string? text) =>
        (text ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string PolicyField(string? field)
    {
        var name = field?.Split('[')[0] switch
        {
            "eligibleLocations" => nameof(PolicyInput.EligibleLocations),
            "alternateLocations" => nameof(PolicyInput.AlternateLocations),
            "ruleOrder" => nameof(PolicyInput.RuleOrder),
            "stockSharePercent" => nameof(PolicyInput.StockSharePercent),
            "stockCapPerSku" => nameof(PolicyInput.StockCapPerSku),
            "safetyStockDrawFrom" => nameof(PolicyInput.SafetyStockDrawFrom),
            "shipBySlaHours" => nameof(PolicyInput.ShipBySlaHours),
            "expectedVersion" => nameof(PolicyInput.ExpectedVersion),
            _ => null,
        };
        return name is null ? string.Empty : $"{nameof(Input)}.{name}";
    }

    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Sample.Lines))
            return;
        var lines = new List<AllocationPreviewOrderLine>();
        foreach (var line in Sample.Lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
            {
                ModelState.AddModelError($"{nameof(Sample)}.{nameof(PreviewInput.Lines)}", $"\"{line}\" is not a SKU and a quantity, such as \"TEE-CREW-M-BLK 2\".");
                return;
            }
            lines.Add(new AllocationPreviewOrderLine(parts[0], quantity));
        }
        var answer = await preview.HandleAsync(new GetAllocationPreview(null,
            new AllocationPreviewOrder(Channel.Code, lines, Sample.ShipTo ?? "", string.IsNullOrWhiteSpace(Sample.Region) ? null : Sample.Region, Sample.Service)),
            cancellationToken);
        if (answer.IsSuccess)
            Preview = answer.Value;
        else
            ModelState.AddErrors(answer.Errors, field => field switch
            {
                _ when field?.StartsWith("order.lines", StringComparison.Ordinal) == true => $"{nameof(Sample)}.{nameof(PreviewInput.Lines)}",
                "order.shipToCountry" => $"{nameof(Sample)}.{nameof(PreviewInput.ShipTo)}",
                "order.shipToRegion" => $"{nameof(Sample)}.{nameof(PreviewInput.Region)}",
                _ => $"{nameof(Sample)}.{nameof(PreviewInput.Lines)}",
            });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = ChannelCode.Create(code);
        if (normalised.IsFailure)
            return false;
        var found = await channels.HandleAsync(new ListChannels([normalised.Value.Value]), cancellationToken);
        if (found is not { IsSuccess: true, Value: [var channel] })
            return false;
        Channel = channel;
        Locations = (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value;
        return true;
    }
}
