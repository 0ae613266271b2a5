using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.AssignExceptionCase;
using EcomErp.Application.Exceptions.DismissExceptionCase;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.GetStockAdjustment;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Returns.Kpis.GetReturnKpiCustomer;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Exceptions;

/// <summary>
/// One case: its subject (for an order: lines, value, ship-to, holds; for a stock adjustment: SKU, location, quantity, reason,
/// requester), its reason, priority factors, SLA and timeline, and the
/// decisions the person's role allows. Each decision names the case version it was taken on, so a case someone else changed
/// meanwhile is refused rather than decided blind.
/// </summary>
public sealed class CaseModel(
    ExceptionWorkbench workbench,
    IQueryHandler<GetExceptionCase, ExceptionCaseView> get,
    IQueryHandler<GetOrder, OrderView?> getOrder,
    IQueryHandler<GetStockAdjustment, AdjustmentView?> getAdjustment,
    IQueryHandler<GetReturnKpiCustomer, string?> getCustomer,
    ICommandHandler<ResolveExceptionCase, ExceptionCaseCommandResult> resolve,
    ICommandHandler<AssignExceptionCase, ExceptionCaseCommandResult> assign,
    ICommandHandler<DismissExceptionCase, ExceptionCaseCommandResult> dismiss,
    TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ExceptionCaseView Case { get; private set; } = null!;

    public OrderView? Order { get; private set; }

    public AdjustmentView? Adjustment { get; private set; }

    /// <summary>The e-mail of a CUSTOMER subject, which the case itself does not carry (personal data, decision 044).</summary>
    public string? CustomerEmail { get; private set; }

    /// <summary>Whether the case may be dismissed at all (<see cref="ExceptionCase.TakesDismissal"/>; the command checks the person).</summary>
    public bool MayDismiss => ExceptionCase.TakesDismissal(Case.Subject.Kind);

    /// <summary>What approving the case does, as its button says it.</summary>
    public string ApproveLabel => Case.Type switch
    {
        ExceptionType.CarrierCapacity => "Approve and release over capacity",
        ExceptionType.ExchangeNotReturned => "Recovered or stopped",
        _ => "Approve",
    };

    /// <summary>What rejecting the case does to its subject, as its button says it.</summary>
    public string RejectLabel => Case.Type switch
    {
        ExceptionType.AdjustmentApproval => "Reject the adjustment",
        ExceptionType.PolicyApproval => "Reject the change",
        ExceptionType.ReturnApproval => "Reject the return",
        ExceptionType.ExchangeNotReturned => "Write it off",
        ExceptionType.AbnormalReturns => "Not abnormal",
        _ => "Reject and cancel the order",
    };

    public DateTimeOffset Now { get; private set; }

    public bool MayAct { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Assignees { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public sealed class DecisionInput
    {
        /// <summary>The case version the person saw.</summary>
        public int Version { get; set; }

        [Display(Name = "Approval note")]
        public string? ApproveNote { get; set; }

        [Display(Name = "Reason for rejecting")]
        public string? RejectReason { get; set; }

        [Display(Name = "Assign to")]
        public string? Assignee { get; set; }

        [Display(Name = "Dismissal note")]
        public string? DismissNote { get; set; }

        /// <summary>The corrected ship-to of an address case, prefilled with the order's current one.</summary>
        public AddressForm Address { get; set; } = new();

        [Display(Name = "Correction note")]
        public string? CorrectionNote { get; set; }
    }

    public sealed class AddressForm
    {
        public string? Name { get; set; }

        [Display(Name = "Address line 1")]
        public string? Line1 { get; set; }

        [Display(Name = "Address line 2")]
        public string? Line2 { get; set; }

        public string? City { get; set; }

        [Display(Name = "Postal code")]
        public string? PostalCode { get; set; }

        public string? Country { get; set; }

        public CaptureOrderAddress ToCommand() => new(Name ?? "", Line1 ?? "", Line2, City ?? "", PostalCode ?? "", Country ?? "");
    }

    /// <summary>An address case offers to correct the order's ship-to, as long as the order is there to amend.</summary>
    public bool MayCorrectAddress => Case.Type == ExceptionType.AddressValidation && Order is not null;

    public string Name(string? actorId) => actorId is null ? "nobody" : Names.GetValueOrDefault(actorId, actorId);

    public string Money(long minor, string currency) => new Money(minor, Currency.Of(currency)).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input.Version = Case.Version;
        if (Order?.ShipTo is { } shipTo)
            Input.Address = new AddressForm
            {
                Name = shipTo.Name, Line1 = shipTo.Line1, Line2 = shipTo.Line2, City = shipTo.City, PostalCode = shipTo.PostalCode, Country = shipTo.Country,
            };
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => DecideAsync(nameof(DecisionInput.ApproveNote),
        (actor, version) => resolve.HandleAsync(new ResolveExceptionCase(Id, actor, ExceptionResolution.Approved, Input.ApproveNote ?? "", version), cancellationToken),
        done => done.Adjustment is null
            ? "The case is approved; its hold is released and the order moves on."
            : "The case is approved; the adjustment is applied and the stock moved.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) => DecideAsync(nameof(DecisionInput.RejectReason),
        (actor, version) => resolve.HandleAsync(new ResolveExceptionCase(Id, actor, ExceptionResolution.Rejected, Input.RejectReason ?? "", version), cancellationToken),
        done => done.Adjustment is null
            ? "The case is rejected; its order is cancelled."
            : "The case is rejected; the adjustment is refused and no stock moved.", cancellationToken);

    public Task<IActionResult> OnPostCorrectAddressAsync(CancellationToken cancellationToken) => DecideAsync(nameof(DecisionInput.CorrectionNote),
        (actor, version) => resolve.HandleAsync(new ResolveExceptionCase(Id, actor, ExceptionResolution.Approved, Input.CorrectionNote ?? "", version,
            Input.Address.ToCommand()), cancellationToken),
        _ => "The address is corrected and passes validation; the hold is released and the order moves on.", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) => DecideAsync(nameof(DecisionInput.Assignee),
        (actor, version) => assign.HandleAsync(new AssignExceptionCase(Id, actor, Input.Assignee ?? "", version), cancellationToken),
        _ => "The case is assigned.", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken) => DecideAsync(nameof(DecisionInput.DismissNote),
        (actor, version) => dismiss.HandleAsync(new DismissExceptionCase(Id, actor, Input.DismissNote ?? "", version), cancellationToken),
        _ => "The case is dismissed; its hold is released.", cancellationToken);

    /// <summary>
    /// Sends one decision, unless the person's roles do not own the case's queue (403); on success post-redirect-get with
    /// a status line, on refusal the same page with the person's input kept and the refusal beside the field it concerns
    /// (<paramref name="field"/> for the note or assignee, else above the forms).
    /// </summary>
    private async Task<IActionResult> DecideAsync(
        string field, Func<Actor, int, Task<Result<ExceptionCaseCommandResult>>> send, Func<ExceptionCaseCommandResult, string> done,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        // A person who only reads this queue (an executive, say) is refused before any command, like every other admin form.
        if (!ExceptionWorkbench.MayAct(User, Case.Queue))
            return Forbid();
        var result = await send(User.ToActor(), Input.Version);
        if (result.IsSuccess)
        {
            StatusMessage = done(result.Value);
            return RedirectToPage(new { id = Id });
        }
        foreach (var error in result.Errors)
            ModelState.AddModelError(KeyOf(error.Field, field), Readable(error));
        // The next try is taken on the case as now shown; the note or assignee typed stays.
        ModelState.Remove($"{nameof(Input)}.{nameof(DecisionInput.Version)}");
        Input.Version = Case.Version;
        return Page();
    }

    /// <summary>
    /// Where a refusal shows: beside the note or assignee typed (<paramref name="field"/>), beside the address part it names, beside
    /// the address form for a finding about the whole address, else above the forms.
    /// </summary>
    private static string KeyOf(string? errorField, string field)
    {
        const string corrected = ResolveExceptionCase.CorrectedAddressField;
        return errorField switch
        {
            "note" or "assignee" => $"{nameof(Input)}.{field}",
            corrected => $"{nameof(Input)}.{nameof(DecisionInput.Address)}",
            { } part when part.Length > corrected.Length + 1 && part.StartsWith(corrected + ".", StringComparison.Ordinal) =>
                $"{nameof(Input)}.{nameof(DecisionInput.Address)}.{char.ToUpperInvariant(part[corrected.Length + 1])}{part[(corrected.Length + 2)..]}",
            _ => string.Empty,
        };
    }

    /// <summary>The domain's message, with a plain next step where one helps.</summary>
    private static string Readable(Error error) => error.Code switch
    {
        CommonErrors.Conflict => $"Someone changed this case while you were reading it; the page now shows it as it is. Check it and decide again.",
        ExceptionCaseErrors.SelfApprovalCode => $"You raised this case or placed its hold: a second person must decide it (four eyes).",
        _ => FormErrors.Readable(error),
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(new GetExceptionCase(Id, VisibleQueues: ExceptionWorkbench.VisibleQueues(User)), cancellationToken);
        if (found.IsFailure)
            return false;
        Case = found.Value;
        Now = clock.GetUtcNow();
        if (Case.Subject.ConcernsAnOrder())
        {
            var order = await getOrder.HandleAsync(new GetOrder(Case.Subject.Id), cancellationToken);
            Order = order.IsSuccess ? order.Value : null;
        }
        else if (Case.Subject.Kind == ExceptionSubjectKind.StockAdjustment)
        {
            var adjustment = await getAdjustment.HandleAsync(new GetStockAdjustment(Case.Subject.Id), cancellationToken);
            Adjustment = adjustment.IsSuccess ? adjustment.Value : null;
        }
        else if (Case.Subject.Kind == ExceptionSubjectKind.Customer)
        {
            var customer = await getCustomer.HandleAsync(new GetReturnKpiCustomer(Case.Subject.Id), cancellationToken);
            CustomerEmail = customer.IsSuccess ? customer.Value : null;
        }
        MayAct = Case.Status is ExceptionCaseStatus.Open or ExceptionCaseStatus.Assigned && ExceptionWorkbench.MayAct(User, Case.Queue);
        Assignees = MayAct ? await workbench.AssigneesAsync([Case.Queue]) : [];
        Names = await workbench.NamesAsync([Case.RaisedBy, Case.Assignee, Case.ClosedBy, Adjustment?.RequestedBy, Adjustment?.ApprovedBy, Adjustment?.RejectedBy,
            .. Case.Timeline.Select(e => e.ActorId)]);
        return true;
    }
}
