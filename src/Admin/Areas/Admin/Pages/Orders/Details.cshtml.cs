using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.GetOrderBlockers;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.ReportShortPick;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.ListOrderReturns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Orders;

/// <summary>
/// One order: header, lines with their allocations, shipments, holds, timeline, why it cannot move (<see cref="GetOrderBlockers"/>,
/// the query GraphQL's <c>orderBlockers</c> answers from), its open exception cases and its audit entries; and the workflow's
/// steps the signed-in person may take on it now. Which steps are offered is the workflow's own rule
/// (<see cref="OrderStepRule.IsOfferedTo"/>); each is sent through the order's existing command, which still decides, with the
/// order version the person saw so a change made meanwhile comes back as a conflict instead of being overwritten blind.
/// </summary>
[Authorize(Roles = IndexModel.Readers)]
public sealed class DetailsModel(
    IQueryHandler<GetOrder, OrderView?> get,
    IQueryHandler<GetOrderBlockers, OrderBlockers> blockers,
    IQueryHandler<ListExceptionCases, ExceptionCasePage> cases,
    ExceptionWorkbench workbench,
    IQueryHandler<ListOrderReturns, IReadOnlyList<ReturnView>> orderReturns,
    ICommandHandler<ReleaseOrder, OrderCommandResult> release,
    ICommandHandler<CancelOrder, OrderCommandResult> cancel,
    ICommandHandler<PlaceHold, OrderCommandResult> placeHold,
    ICommandHandler<ReleaseHold, OrderCommandResult> releaseHold,
    ICommandHandler<StartPicking, OrderCommandResult> startPicking,
    ICommandHandler<ConfirmPick, OrderCommandResult> confirmPick,
    ICommandHandler<ConfirmPack, OrderCommandResult> confirmPack,
    ICommandHandler<ConfirmShipment, OrderCommandResult> confirmShipment,
    ICommandHandler<ReportShortPick, OrderCommandResult> reportShortPick,
    TimeProvider clock) : PageModel
{
    /// <summary>
    /// Who places a hold from the admin: the roles that own the order's customer-facing steps (cancel, amend). The domain lets
    /// any actor place one; the admin keeps it to the people who answer for the order.
    /// </summary>
    private static readonly IReadOnlyList<string> HoldPlacers = OrderWorkflow.RuleOf(OrderStep.Cancel).Owners;

    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The order version a step of this page produced, and the status it left the order in (for the next page's status line).</summary>
    [TempData]
    public int? StepVersion { get; set; }

    [TempData]
    public string? StepStatus { get; set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public OrderView Order { get; private set; } = null!;

    public OrderBlockers? Blockers { get; private set; }

    public IReadOnlyList<ExceptionCaseSummaryView> OpenCases { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>The order's returns the person's channels allow, oldest first.</summary>
    public IReadOnlyList<ReturnView> Returns { get; private set; } = [];

    /// <summary>Customer service may ask for a return once a unit has shipped; the command decides the rest.</summary>
    public bool MayRequestReturn => Order.Lines.Any(l => l.ShippedQuantity > 0) && ReturnWorkflow.RequestOwners.Any(User.ToActor().MayActAs);

    public DateTimeOffset Now { get; private set; }

    /// <summary>The order's open holds.</summary>
    public IReadOnlyList<OrderHoldView> OpenHolds => [.. Order.Holds.Where(h => h.ReleasedAt is null)];

    /// <summary>Every form of the page posts into this one model; a handler reads the fields of its own form.</summary>
    public sealed class ActionInput
    {
        /// <summary>The order version the person saw.</summary>
        public int Version { get; set; }

        [Display(Name = "Reason for cancelling")]
        public string? CancelReason { get; set; }

        /// <summary>Cancelling cannot be undone, so the person ticks that they mean it (the confirm step, no script needed).</summary>
        [Display(Name = "Yes, cancel this order")]
        public bool ConfirmCancel { get; set; }

        [Display(Name = "Hold type")]
        public HoldType? HoldType { get; set; }

        [Display(Name = "Reason for the hold")]
        public string? HoldReason { get; set; }

        /// <summary>The open hold released.</summary>
        public Guid HoldId { get; set; }

        [Display(Name = "Resolution")]
        public string? Resolution { get; set; }

        [Display(Name = "Packages")]
        public int? PackageCount { get; set; }

        /// <summary>The shipment confirmed, or the shipment of a short-picked line (empty: the only one open).</summary>
        [Display(Name = "Shipment")]
        public Guid? ShipmentId { get; set; }

        [Display(Name = "Carrier")]
        public string? Carrier { get; set; }

        [Display(Name = "Tracking number")]
        public string? TrackingNumber { get; set; }

        [Display(Name = "Line")]
        public int? LineNumber { get; set; }

        [Display(Name = "Units missing")]
        public int? MissingQuantity { get; set; }
    }

    /// <summary>Whether the workflow offers <paramref name="step"/> to the signed-in person on this order now.</summary>
    public bool Offers(OrderStep step) =>
        OrderWorkflow.RuleOf(step).IsOfferedTo(User.ToActor(), Order.Status, OpenHolds.Select(h => h.Type));

    public bool MayPlaceHold => !OrderWorkflow.IsTerminal(Order.Status) && HoldPlacers.Any(User.ToActor().MayActAs);

    /// <summary>Whether the person owns the type of <paramref name="hold"/> (four eyes is the command's to check).</summary>
    public bool MayRelease(OrderHoldView hold) => User.ToActor().MayActAs(HoldOwnership.OwnerOf(hold.Type));

    /// <summary>Whether the page shows any step at all (a reader sees none).</summary>
    public bool HasActions =>
        MayPlaceHold || OpenHolds.Any(MayRelease)
        || new[] { OrderStep.Release, OrderStep.Cancel, OrderStep.StartPicking, OrderStep.ConfirmPick, OrderStep.RecordShortPick, OrderStep.Pack, OrderStep.Ship }.Any(Offers);

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    public static string Money(long minor, string currency) => new Money(minor, Currency.Of(currency)).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        // The page reads the order's read model, which the step's events reach a moment after the redirect: the status line
        // says what the step did and, until the page has caught up, that the details below are from just before it.
        if (StepVersion is { } stepVersion && StatusMessage is not null)
            StatusMessage += Order.Version >= stepVersion
                ? $" It is {StepStatus}."
                : $" The details below are from just before it: they show {StepStatus} once the change is processed, in a moment (reload the page).";
        Input.Version = Order.Version;
        Input.PackageCount ??= 1;
        return Page();
    }

    public Task<IActionResult> OnPostReleaseAsync(CancellationToken cancellationToken) =>
        SendAsync(OrderStep.Release, release, new ReleaseOrder(Id, User.ToActor(), Input.Version), "The order is released to the warehouse.", _ => "", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (!Input.ConfirmCancel)
            ModelState.AddModelError(Field(nameof(ActionInput.ConfirmCancel)), "Tick the box to confirm: a cancelled order cannot be reopened.");
        return SendAsync(OrderStep.Cancel, cancel, new CancelOrder(Id, User.ToActor(), Input.CancelReason ?? "", Input.Version), "The order is cancelled.",
            field => field == "reason" ? Field(nameof(ActionInput.CancelReason)) : "", cancellationToken);
    }

    public Task<IActionResult> OnPostStartPickingAsync(CancellationToken cancellationToken) =>
        SendAsync(OrderStep.StartPicking, startPicking, new StartPicking(Id, User.ToActor(), Input.Version), "Picking started.", _ => "", cancellationToken);

    public Task<IActionResult> OnPostConfirmPickAsync(CancellationToken cancellationToken) =>
        SendAsync(OrderStep.ConfirmPick, confirmPick, new ConfirmPick(Id, User.ToActor(), Input.Version), "Every unit is picked.", _ => "", cancellationToken);

    public async Task<IActionResult> OnPostConfirmPackAsync(CancellationToken cancellationToken)
    {
        Required(nameof(ActionInput.PackageCount), Input.PackageCount, "How many packages?");
        return await SendAsync(OrderStep.Pack, confirmPack, new ConfirmPack(Id, User.ToActor(), Input.PackageCount ?? 0, Input.Version), "The order is packed.",
            field => field == "packageCount" ? Field(nameof(ActionInput.PackageCount)) : "", cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmShipmentAsync(CancellationToken cancellationToken) =>
        SendAsync(OrderStep.Ship, confirmShipment,
            new ConfirmShipment(Id, User.ToActor(), Input.Carrier ?? "", Input.TrackingNumber ?? "", Input.Version, Input.ShipmentId),
            "The shipment is confirmed.",
            field => field switch
            {
                "carrier" => Field(nameof(ActionInput.Carrier)),
                "trackingNumber" => Field(nameof(ActionInput.TrackingNumber)),
                "shipmentId" => Field(nameof(ActionInput.ShipmentId)),
                _ => "",
            }, cancellationToken);

    public async Task<IActionResult> OnPostReportShortPickAsync(CancellationToken cancellationToken)
    {
        Required(nameof(ActionInput.LineNumber), Input.LineNumber, "Which line is short?");
        Required(nameof(ActionInput.MissingQuantity), Input.MissingQuantity, "How many units are missing?");
        return await SendAsync(OrderStep.RecordShortPick, reportShortPick,
            new ReportShortPick(Id, User.ToActor(), Input.LineNumber ?? 0, Input.MissingQuantity ?? 0, Input.ShipmentId, Input.Version),
            "The short pick is recorded; the missing units are allocated again.",
            field => field switch
            {
                "lineNumber" => Field(nameof(ActionInput.LineNumber)),
                "missingQuantity" => Field(nameof(ActionInput.MissingQuantity)),
                "shipmentId" => Field(nameof(ActionInput.ShipmentId)),
                _ => "",
            }, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlaceHoldAsync(CancellationToken cancellationToken)
    {
        if (!HoldPlacers.Any(User.ToActor().MayActAs))
            return Forbid();
        Required(nameof(ActionInput.HoldType), Input.HoldType, "Choose the type of hold.");
        return await SendAsync(null, placeHold,
            new PlaceHold(Id, User.ToActor(), Input.HoldType ?? HoldType.Manual, Input.HoldReason ?? "", Input.Version), "The order is on hold.",
            field => field switch
            {
                "reason" => Field(nameof(ActionInput.HoldReason)),
                "type" => Field(nameof(ActionInput.HoldType)),
                _ => "",
            }, cancellationToken);
    }

    public Task<IActionResult> OnPostReleaseHoldAsync(CancellationToken cancellationToken) =>
        SendAsync(null, releaseHold, new ReleaseHold(Id, User.ToActor(), Input.HoldId, Input.Resolution ?? "", Input.Version), "The hold is released.",
            field => field == "resolution" ? Field(nameof(ActionInput.Resolution)) : "", cancellationToken);

    private static string Field(string name) => $"{nameof(Input)}.{name}";

    private void Required<T>(string field, T? value, string message) where T : struct
    {
        if (value is null && ModelState.GetFieldValidationState(Field(field)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError(Field(field), message);
    }

    /// <summary>
    /// Sends one step's command: a person whose roles own none of the step is refused outright (403); otherwise the command decides,
    /// and a refusal comes back beside its field with the person's input kept (a conflict says the order changed meanwhile).
    /// </summary>
    private async Task<IActionResult> SendAsync<TCommand>(
        OrderStep? step, ICommandHandler<TCommand, OrderCommandResult> handler, TCommand command, string done, Func<string?, string> fieldOf,
        CancellationToken cancellationToken)
    {
        if (step is { } owned && !OrderWorkflow.RuleOf(owned).IsOwnedBy(User.ToActor()))
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(command, cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = done;
                StepVersion = result.Value.Version;
                StepStatus = $"{result.Value.Status}{(result.Value.IsOnHold ? ", on hold" : "")}";
                return RedirectToPage(new { id = Id });
            }
            foreach (var error in result.Errors)
            {
                if (error.Code == CommonErrors.Conflict)
                    ModelState.AddModelError("", "Someone changed this order while you were looking at it. The page now shows it as it is: check it and try again.");
                else
                    ModelState.AddErrors([error], fieldOf);
            }
        }
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        // The next try is decided on the order as it is shown now; a version the form sent unreadable was no version seen.
        if (ModelState.GetFieldValidationState(Field(nameof(ActionInput.Version))) == ModelValidationState.Invalid)
            ModelState.AddModelError("", "The form did not say which version of the order it was filled in on. The page now shows the order as it is: check it and try again.");
        ModelState.Remove(Field(nameof(ActionInput.Version)));
        Input.Version = Order.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        if ((await get.HandleAsync(new GetOrder(Id), cancellationToken)).Value is not { } order)
            return false;
        Order = order;
        var why = await blockers.HandleAsync(new GetOrderBlockers(Id), cancellationToken);
        Blockers = why.IsSuccess ? why.Value : null;
        var open = await cases.HandleAsync(new ListExceptionCases(new ExceptionCaseListRequest(
            new ExceptionCaseFilter(Statuses: [ExceptionCaseStatus.Open, ExceptionCaseStatus.Assigned], SubjectId: Id),
            ExceptionCaseSortField.DueAt, false, ExceptionCaseListRequest.MaxSize, VisibleQueues: ExceptionWorkbench.VisibleQueues(User))), cancellationToken);
        OpenCases = open.IsSuccess ? open.Value.Items : [];
        var returns = await orderReturns.HandleAsync(new ListOrderReturns(Id, User.ToActor()), cancellationToken);
        Returns = returns.IsSuccess ? returns.Value : [];
        Names = await workbench.NamesAsync([
            .. Order.Holds.SelectMany(h => new[] { h.PlacedBy, h.ReleasedBy }), .. Order.Timeline.Select(t => t.ActorId)]);
        return true;
    }
}
