using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ApproveAdjustment;
using EcomErp.Application.Inventory.ListStockAdjustments;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// The approval inbox of stock adjustments above the threshold, and the recent adjustments. An operations manager other than
/// the requester approves (<see cref="ApproveAdjustment"/>, which also resolves the adjustment's case) or rejects with a reason
/// (the case's decision, <see cref="ResolveExceptionCase"/>, as in the exception workbench): one way to decide an adjustment
/// (decision 030), whose guard keeps the requester from deciding their own.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class AdjustmentsModel(
    IQueryHandler<ListStockAdjustments, DocumentPage<AdjustmentView>> list,
    ICommandHandler<ApproveAdjustment, AdjustmentView> approve,
    ICommandHandler<ResolveExceptionCase, ExceptionCaseCommandResult> resolve,
    ExceptionWorkbench workbench) : PageModel
{
    public const int PageSize = 25;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The page of recent adjustments, from 1.</summary>
    [FromQuery(Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public IReadOnlyList<AdjustmentView> Pending { get; private set; } = [];

    public IReadOnlyList<AdjustmentView> Recent { get; private set; } = [];

    public int RecentCount { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool MayDecide => User.MayDecideAdjustments();

    public string SignedInActorId => User.ToActor().Id;

    public sealed class DecisionInput
    {
        public Guid AdjustmentId { get; set; }

        [Display(Name = "Reason for rejecting")]
        public string? Reason { get; set; }
    }

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!MayDecide)
            return Forbid();
        var result = await approve.HandleAsync(new ApproveAdjustment(User.ToActor(), Input.AdjustmentId), cancellationToken);
        if (result.IsSuccess)
        {
            StatusMessage = $"The adjustment of {result.Value.QuantityChange:+#;-#} {result.Value.Sku} at {result.Value.Location} is approved and applied.";
            return RedirectToPage();
        }
        return await RefusedAsync(result.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        if (!MayDecide)
            return Forbid();
        var caseId = ExceptionCaseId.ForAdjustment(new AdjustmentId(Input.AdjustmentId)).Value;
        var result = await resolve.HandleAsync(new ResolveExceptionCase(caseId, User.ToActor(), ExceptionResolution.Rejected, Input.Reason ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            StatusMessage = "The adjustment is rejected; no stock moved.";
            return RedirectToPage();
        }
        return await RefusedAsync(result.Errors, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(IEnumerable<Domain.Common.Error> errors, CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
        // The case's note is the rejection's reason; every other refusal concerns the adjustment as a whole.
        ModelState.AddErrors(errors, field => field is "note" or "reason" ? $"{nameof(Input)}.{nameof(DecisionInput.Reason)}" : nameof(Input));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pending = (await list.HandleAsync(new ListStockAdjustments(AdjustmentStatus.PendingApproval, Size: ListStockAdjustments.MaxSize), cancellationToken))
            .Value.Items;
        var recent = await list.HandleAsync(new ListStockAdjustments(ReasonCode: string.IsNullOrWhiteSpace(Reason) ? null : Reason, Page: PageNumber,
            Size: PageSize), cancellationToken);
        if (recent.IsSuccess)
            (Recent, RecentCount) = (recent.Value.Items, recent.Value.TotalCount);
        else
            Problem = string.Join(" ", recent.Errors.Select(FormErrors.Readable));
        Names = await workbench.NamesAsync([.. Pending.Concat(Recent).SelectMany(a => new[] { a.RequestedBy, a.ApprovedBy, a.RejectedBy })]);
    }
}
