using System.Text.RegularExpressions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ActivateSku;
using EcomErp.Application.Catalog.GetSkuDetails;
using EcomErp.Application.Catalog.SetSkuSubstitutes;
using EcomErp.Application.Catalog.UpdateSku;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Skus;

/// <summary>
/// One SKU: its details, read from the catalog itself so a change shows at once; for planners and administrators the edit
/// form, activation (deactivating asks for confirmation first) and the ordered substitutes; recent changes from the audit log.
/// </summary>
[Authorize(Roles = SkuAccess.Read)]
public sealed partial class DetailsModel(
    IQueryHandler<GetSkuDetails, SkuDetailsView?> get,
    ICommandHandler<UpdateSku, SkuDetailsView> update,
    ICommandHandler<ActivateSku, SkuDetailsView> activate,
    ICommandHandler<DeactivateSku, SkuDetailsView> deactivate,
    ICommandHandler<SetSkuSubstitutes, SkuDetailsView> setSubstitutes) : PageModel
{
    [FromRoute(Name = "code")]
    public string Code { get; set; } = "";

    /// <summary>Which action waits for confirmation (<c>?confirm=deactivate</c>).</summary>
    [FromQuery(Name = "confirm")]
    public string? Confirm { get; set; }

    [BindProperty]
    public SkuForm Input { get; set; } = new();

    [BindProperty]
    public SubstitutesForm Substitutes { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public SkuDetailsView? Sku { get; private set; }

    public bool MayChange => SkuAccess.ChangeRoles.Any(User.IsInRole);

    public sealed class SubstitutesForm
    {
        /// <summary>The substitutes in the order allocation tries them; blank ones are left out.</summary>
        public List<string?> Codes { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input = SkuForm.From(Sku!);
        Substitutes = new SubstitutesForm { Codes = [.. Sku!.Substitutes] };
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await update.HandleAsync(new UpdateSku(User.ToActor(), Code, Input.Name ?? "", Input.Style ?? "", Input.Size ?? "",
                Input.Colour ?? "", Input.Price ?? 0, Input.Cost ?? 0, Input.WeightGrams ?? 0, Input.IsCritical, Input.Version), cancellationToken);
            if (result.IsSuccess)
                return Done($"SKU {result.Value.Code} is saved.");
            ModelState.AddErrors(result.Errors, field => SkuForm.FieldOf(field));
        }
        return await AgainAsync(keepSubstitutes: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostSubstitutesAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.KeepOnly(nameof(Substitutes));
        var codes = Substitutes.Codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToList();
        var result = await setSubstitutes.HandleAsync(new SetSkuSubstitutes(User.ToActor(), Code, codes), cancellationToken);
        if (result.IsSuccess)
            return Done(codes.Count == 0 ? $"SKU {result.Value.Code} has no substitutes now." : $"The substitutes of SKU {result.Value.Code} are saved.");
        Substitutes.Codes = [.. codes];
        ModelState.AddErrors(result.Errors, SubstituteField);
        return await AgainAsync(keepSubstitutes: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken) =>
        await ActivationAsync(activate.HandleAsync(new ActivateSku(User.ToActor(), Code), cancellationToken), "is active again", cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        await ActivationAsync(deactivate.HandleAsync(new DeactivateSku(User.ToActor(), Code), cancellationToken),
            "is inactive: new orders for it are held at validation", cancellationToken);

    private async Task<IActionResult> ActivationAsync(Task<Result<SkuDetailsView>> sent, string done, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.Clear();
        var result = await sent;
        if (result.IsSuccess)
            return Done($"SKU {result.Value.Code} {done}.");
        StatusMessage = null;
        ModelState.AddErrors(result.Errors, _ => string.Empty);
        return await AgainAsync(keepSubstitutes: false, cancellationToken, keepInput: false);
    }

    private RedirectToPageResult Done(string message)
    {
        StatusMessage = message;
        return RedirectToPage(new { code = Sku?.Code ?? Code.Trim().ToUpperInvariant() });
    }

    /// <summary>The page again after a refusal: the posted form keeps what was typed, the other shows the SKU as stored.</summary>
    private async Task<IActionResult> AgainAsync(bool keepSubstitutes, CancellationToken cancellationToken, bool keepInput = true)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (keepSubstitutes || !keepInput)
            Input = SkuForm.From(Sku!);
        else
            Input.Currency = Sku!.Currency;
        if (!keepSubstitutes)
            Substitutes = new SubstitutesForm { Codes = [.. Sku!.Substitutes] };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(new GetSkuDetails(Code), cancellationToken);
        Sku = found.IsSuccess ? found.Value : null;
        return Sku is not null;
    }

    private static string SubstituteField(string? field) =>
        field is not null && SubstitutePosition().Match(field) is { Success: true } match
            ? $"{nameof(Substitutes)}.{nameof(SubstitutesForm.Codes)}[{match.Groups["i"].Value}]"
            : $"{nameof(Substitutes)}.{nameof(SubstitutesForm.Codes)}";

    [GeneratedRegex(@"^substitutes\[(?<i>\d+)\]$")]
    private static partial Regex SubstitutePosition();

    /// <summary>How many substitute fields the editor shows: the SKU's limit.</summary>
    public static int SubstituteSlots => Domain.Catalog.Sku.MaxSubstitutes;
}
