using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.GetTransfer;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.SetTransferEta;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory.Transfers;

/// <summary>
/// One transfer: its lines as shipped and received, its expected arrival (changeable while in transit, <see cref="SetTransferEta"/>),
/// and the receipt form (units arrived per line). What did not arrive is written off as the transfer's discrepancy by
/// <see cref="ReceiveTransfer"/> and shown per line.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class DetailsModel(
    IQueryHandler<GetTransfer, TransferView?> get,
    ICommandHandler<ReceiveTransfer, TransferView> receive,
    ICommandHandler<SetTransferEta, TransferView> setEta,
    ExceptionWorkbench workbench) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>Units arrived per line, in the transfer's line order.</summary>
    [BindProperty]
    public List<int?> Arrived { get; set; } = [];

    [BindProperty]
    public EtaInput Eta { get; set; } = new();

    public sealed class EtaInput
    {
        [Display(Name = "Expected arrival")]
        [DataType(DataType.Date)]
        public DateOnly? ExpectedOn { get; set; }

        /// <summary>The transfer's version the form was filled in on: an arrival someone else moved since then is not overwritten.</summary>
        public int? ExpectedVersion { get; set; }
    }

    public TransferView? Transfer { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool MayReceive => User.MayHandleStock();

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Transfer is null)
            return NotFound();
        Arrived = [.. Transfer.Lines.Select(l => (int?)l.ShippedQuantity)];
        (Eta.ExpectedOn, Eta.ExpectedVersion) = (Transfer.ExpectedOn, Transfer.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostEtaAsync(CancellationToken cancellationToken)
    {
        if (!MayReceive)
            return Forbid();
        await LoadAsync(cancellationToken);
        if (Transfer is null)
            return NotFound();
        Arrived = [.. Transfer.Lines.Select(l => (int?)l.ShippedQuantity)];
        ModelState.KeepOnly(nameof(Eta));
        if (ModelState.IsValid && Eta.ExpectedOn is null)
            ModelState.AddModelError($"{nameof(Eta)}.{nameof(EtaInput.ExpectedOn)}", "Say on which day the stock is expected.");
        if (ModelState.IsValid)
        {
            var result = await setEta.HandleAsync(new SetTransferEta(User.ToActor(), Id, Eta.ExpectedOn!.Value, Eta.ExpectedVersion), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Expected arrival set to {result.Value.ExpectedOn:yyyy-MM-dd}.";
                return RedirectToPage(new { id = Id });
            }
            await RefuseAsync(result.Errors, field => field is "expectedOn" ? $"{nameof(Eta)}.{nameof(EtaInput.ExpectedOn)}" : nameof(Eta), cancellationToken);
            // The next try is decided on the transfer as the page now shows it; what was typed stays in the field.
            ModelState.Remove($"{nameof(Eta)}.{nameof(EtaInput.ExpectedVersion)}");
            Eta.ExpectedVersion = Transfer?.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReceiveAsync(CancellationToken cancellationToken)
    {
        if (!MayReceive)
            return Forbid();
        await LoadAsync(cancellationToken);
        if (Transfer is null)
            return NotFound();
        ModelState.KeepOnly(nameof(Arrived));
        (Eta.ExpectedOn, Eta.ExpectedVersion) = (Transfer.ExpectedOn, Transfer.Version);
        for (var i = 0; i < Transfer.Lines.Count; i++)
        {
            if (ModelState.IsValid && (i >= Arrived.Count || Arrived[i] is null))
                ModelState.AddModelError($"{nameof(Arrived)}[{i}]", "Say how many units arrived (0 when none).");
        }
        if (ModelState.IsValid)
        {
            var result = await receive.HandleAsync(new ReceiveTransfer(User.ToActor(), Id,
                [.. Transfer.Lines.Select((line, i) => new ArrivedLine(line.Sku, Arrived[i]!.Value))]), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = result.Value.HasDiscrepancy
                    ? "Transfer received. Less arrived than was shipped: the difference is written off as a discrepancy."
                    : "Transfer received in full.";
                return RedirectToPage(new { id = Id });
            }
            await RefuseAsync(result.Errors, field =>
                field is not null && field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 6 and var end
                    ? $"{nameof(Arrived)}[{field[6..end]}]"
                    : nameof(Arrived), cancellationToken);
        }
        return Page();
    }

    /// <summary>
    /// A command's refusals beside their fields, over the transfer as it now is. One received meanwhile (a receipt posted twice, or
    /// by two people at once) names who received it, not the actor id the domain's message carries; a conflict (someone else changed
    /// the transfer since the form was filled in) says so in words.
    /// </summary>
    private async Task RefuseAsync(IReadOnlyList<Error> errors, Func<string?, string> fieldOf, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        foreach (var error in errors)
            ModelState.AddModelError(fieldOf(error.Field), error.Code == InventoryErrors.TransferAlreadyReceivedCode && Transfer?.ReceivedBy is { } by
                ? $"{Name(by)} received this transfer already; the page shows what arrived."
                : error.Code == CommonErrors.Conflict
                    ? "Someone else changed this transfer while you were looking at it; the page now shows it as it is. Check it and try again."
                    : FormErrors.Readable(error));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Transfer = (await get.HandleAsync(new GetTransfer(Id), cancellationToken)).Value;
        if (Transfer is not null)
            Names = await workbench.NamesAsync([Transfer.ShippedBy, Transfer.ReceivedBy]);
    }
}
