using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.ParkedEvents;
using EcomErp.Application.ParkedEvents.GetParkedEvent;
using EcomErp.Application.ParkedEvents.RetryParkedEvent;
using EcomErp.Application.ParkedEvents.SkipParkedEvent;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.ParkedEvents;

/// <summary>
/// One parked or held event: its whole error, the events its consumer holds behind it, and for a parked one the Admin's two
/// ways out, Retry (after the fault is fixed) and Skip (with a reason), each confirmed first.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DetailsModel(
    ExceptionWorkbench workbench,
    IQueryHandler<GetParkedEvent, ParkedEventDetail> get,
    ICommandHandler<RetryParkedEvent, ParkedEventSettlement> retry,
    ICommandHandler<SkipParkedEvent, ParkedEventSettlement> skip) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public SkipInput Input { get; set; } = new();

    public ParkedEventDetail Detail { get; private set; } = null!;

    public ParkedEventView Event => Detail.Event;

    public string? SettledBy { get; private set; }

    public sealed class SkipInput
    {
        [Display(Name = "Reason for skipping")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken) =>
        SettleAsync(actor => retry.HandleAsync(new RetryParkedEvent(Id, actor), cancellationToken), "delivered", cancellationToken);

    public Task<IActionResult> OnPostSkipAsync(CancellationToken cancellationToken) =>
        SettleAsync(actor => skip.HandleAsync(new SkipParkedEvent(Id, actor, Input.Reason ?? ""), cancellationToken), "skipped", cancellationToken);

    /// <summary>
    /// Sends the step; on success post-redirect-get with what it did to the events held behind, on refusal the page again with the
    /// reason typed kept and the refusal beside it (a missing reason) or above the forms.
    /// </summary>
    private async Task<IActionResult> SettleAsync(Func<Actor, Task<Result<ParkedEventSettlement>>> send, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var result = await send(User.ToActor());
        if (result.IsFailure)
        {
            ModelState.AddErrors(result.Errors, field => field == "reason" ? $"{nameof(Input)}.{nameof(SkipInput.Reason)}" : string.Empty);
            // The refusal may have counted an attempt (a retry that failed again): show the event as it now stands.
            await LoadAsync(cancellationToken);
            return Page();
        }
        var settled = result.Value;
        StatusMessage = $"Event {settled.Event.Sequence} {done} for {settled.Event.Consumer}; {settled.FollowersDelivered} held event(s) delivered after it."
            + (settled.ParkedAgain is { } again ? $" Event {again.Sequence} failed in its turn and is parked now; the rest wait behind it." : "");
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(new GetParkedEvent(Id), cancellationToken);
        if (found.IsFailure)
            return false;
        Detail = found.Value;
        SettledBy = Event.SettledBy is { } by ? (await workbench.NamesAsync([by])).GetValueOrDefault(by, by) : null;
        return true;
    }
}
