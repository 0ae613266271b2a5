using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.RegisterSku;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Skus;

/// <summary>Registers a SKU (planners and administrators); the SKU's page follows, where its substitutes are set.</summary>
[Authorize(Roles = SkuAccess.Change)]
public sealed class CreateModel(ICommandHandler<RegisterSku, SkuDetailsView> register) : PageModel
{
    [BindProperty]
    public SkuForm Input { get; set; } = new() { Currency = "EUR" };

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await register.HandleAsync(new RegisterSku(User.ToActor(), Input.Code ?? "", Input.Name ?? "", Input.Style ?? "", Input.Size ?? "",
            Input.Colour ?? "", Input.Price ?? 0, Input.Cost ?? 0, Input.Currency ?? "", Input.WeightGrams ?? 0, Input.IsCritical), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result.Errors, field => SkuForm.FieldOf(field));
            return Page();
        }
        StatusMessage = $"SKU {result.Value.Code} is registered and active.";
        return RedirectToPage("./Details", new { code = result.Value.Code });
    }
}
