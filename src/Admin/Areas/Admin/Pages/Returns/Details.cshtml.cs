using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.PreviewReturnRefund;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Returns;

/// <summary>
/// One return (RMA): header, lines with their progress, timeline, the refund it would pay now (<see cref="Return.PreviewRefund"/>
/// through <see cref="PreviewReturnRefund"/>), and the workflow's steps the signed-in person may take on it now — offered by
/// <see cref="ReturnStepRule.IsOfferedTo"/>, as the order page offers its steps. Each step goes through the return's existing
/// command with the version the person saw, so a change made meanwhile comes back as a conflict rather than being overwritten.
/// </summary>
[Authorize(Roles = ReturnPageRoles.Readers)]
public sealed partial class DetailsModel(
    IQueryHandler<GetReturn, ReturnView> get,
    IQueryHandler<PreviewReturnRefund, ReturnRefundPreview> preview,
    IQueryHandler<GetOrder, OrderView?> getOrder,
    ExceptionWorkbench workbench,
    ICommandHandler<AuthorizeReturn, ReturnCommandResult> authorize,
    ICommandHandler<RejectReturn, ReturnCommandResult> reject,
    ICommandHandler<CancelReturn, ReturnCommandResult> cancel,
    ICommandHandler<MarkReturnInTransit, ReturnCommandResult> markInTransit,
    ICommandHandler<ReceiveReturn, ReturnCommandResult> receive,
    ICommandHandler<CloseMissingReturnUnits, ReturnCommandResult> closeMissing,
    ICommandHandler<InspectReturnLines, ReturnCommandResult> inspect,
    ICommandHandler<DispositionReturnLines, ReturnCommandResult> disposition,
    ICommandHandler<ApproveReturnWriteOff, ReturnCommandResult> approveWriteOff,
    ICommandHandler<RefundReturn, ReturnCommandResult> refund,
    ICommandHandler<CloseReturn, ReturnCommandResult> close) : PageModel
{
    /// <summary>A form row per unit: more rows than a line can hold are a forged form, refused before the command's list is made.</summary>
    private const int MaxUnitsPerForm = 10_000;

    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The version the person's last step produced: the page after the redirect shows at least that (the read model may lag).</summary>
    [TempData]
    public int? StepVersion { get; set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public ReturnView Return { get; private set; } = null!;

    public ReturnRefundPreview? Refund { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>The order's lines by number, so each return line shows what was ordered and shipped beside what comes back.</summary>
    public IReadOnlyDictionary<int, OrderLineView> OrderLines { get; private set; } = new Dictionary<int, OrderLineView>();

    /// <summary>Every form of the page posts into this one model; a handler reads the fields of its own form.</summary>
    public sealed class ActionInput
    {
        /// <summary>The return version the person saw: every step's form sends it, so one missing or below 0 is a tampered form.</summary>
        [BindRequired, Range(0, int.MaxValue)]
        public int Version { get; set; }

        /// <summary>Made when the receipt form is shown: the same form posted twice is one receipt (the command is idempotent by it).</summary>
        public Guid ReceiptId { get; set; }

        [Display(Name = "Received at location")]
        public string? Location { get; set; }

        /// <summary>One row per return line, in the return's order; each form reads its own columns.</summary>
        public List<LineInput> Lines { get; set; } = [];

        [Display(Name = "Line")]
        public int? DispositionLine { get; set; }

        /// <summary>Where each graded unit of <see cref="DispositionLine"/> goes, one per unit; a unit left blank stays for later.</summary>
        [Display(Name = "Send to")]
        public List<ReturnDisposition?> Units { get; set; } = [];

        [Display(Name = "Supplier (return to vendor)")]
        public string? Supplier { get; set; }

        [Display(Name = "Tracking number")]
        public string? TrackingNumber { get; set; }

        [Display(Name = "Reason for rejecting")]
        public string? RejectReason { get; set; }

        [Display(Name = "Reason for cancelling")]
        public string? CancelReason { get; set; }
    }

    /// <summary>Units of one return line a form sends: received, closed as missing, or a grade per unit.</summary>
    public sealed class LineInput
    {
        public int Line { get; set; }

        [Display(Name = "Received")]
        public int? Received { get; set; }

        [Display(Name = "Missing")]
        public int? Missing { get; set; }

        /// <summary>The grade of each unit still to inspect, one per unit (the domain grades one unit at a time); a unit left blank waits.</summary>
        [Display(Name = "Grades")]
        public List<InspectionGrade?> Grades { get; set; } = [];
    }

    /// <summary>Whether the workflow offers <paramref name="step"/> to the signed-in person on this return now.</summary>
    public bool Offers(ReturnStep step) => ReturnWorkflow.RuleOf(step).IsOfferedTo(User.ToActor(), Return.Status);

    /// <summary>A write-off waits for approval; the step is offered only then.</summary>
    public bool OffersWriteOffApproval => Return.WriteOffPending > 0 && Offers(ReturnStep.ApproveWriteOff);

    public bool HasActions => Enum.GetValues<ReturnStep>().Where(s => s != ReturnStep.ApproveWriteOff).Any(Offers) || OffersWriteOffApproval;

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    public string Money(long minor) => new Money(minor, Currency.Of(Return.Currency)).ToString();

    /// <summary>The amount a refund now would pay, as the refund button and its question name it.</summary>
    public string RefundText => Refund is { } due ? Money(due.TotalMinor) : "";

    /// <summary>Units of a line still to arrive (neither received nor closed as missing).</summary>
    public static int Outstanding(ReturnLineView line) => line.Quantity - line.Received - line.Missing;

    public static int Graded(ReturnLineView line) => line.GradedResellable + line.GradedRefurbishable + line.GradedDamaged;

    public static int Dispositioned(ReturnLineView line) => line.Restocked + line.Refurbished + line.Scrapped + line.ReturnedToVendor;

    /// <summary>
    /// The grade of each graded unit of <paramref name="line"/> not yet sent on, in the order the disposition form lists them: only
    /// a restock takes resellable units, and a refurbishment takes refurbishable ones before damaged ones (as the domain counts them).
    /// </summary>
    public static IReadOnlyList<InspectionGrade> GradesLeft(ReturnLineView line)
    {
        var resellable = line.GradedResellable - line.Restocked;
        var notResellable = line.GradedRefurbishable + line.GradedDamaged - line.Refurbished - line.Scrapped - line.ReturnedToVendor;
        var refurbishable = Math.Min(line.GradedRefurbishable - line.Refurbished, notResellable);
        return
        [
            .. Enumerable.Repeat(InspectionGrade.Resellable, Math.Max(0, resellable)),
            .. Enumerable.Repeat(InspectionGrade.Refurbishable, Math.Max(0, refurbishable)),
            .. Enumerable.Repeat(InspectionGrade.Damaged, Math.Max(0, notResellable - Math.Max(0, refurbishable))),
        ];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(StepVersion, cancellationToken))
            return NotFound();
        Input.Version = Return.Version;
        Input.ReceiptId = Guid.NewGuid();
        Input.Location = Return.Location;
        Input.Lines = [.. Return.Lines.Select(l => new LineInput { Line = l.OrderLineNumber })];
        return Page();
    }

    public Task<IActionResult> OnPostAuthorizeAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.Authorize, authorize, new AuthorizeReturn(Id, User.ToActor(), Input.Version), "The return is authorised.", None, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.Reject, reject, new RejectReturn(Id, User.ToActor(), Input.RejectReason ?? "", Input.Version), "The return is rejected.",
            field => field == "reason" ? Field(nameof(ActionInput.RejectReason)) : "", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.Cancel, cancel, new CancelReturn(Id, User.ToActor(), Input.CancelReason ?? "", Input.Version), "The return is cancelled.",
            field => field == "reason" ? Field(nameof(ActionInput.CancelReason)) : "", cancellationToken);

    public Task<IActionResult> OnPostMarkInTransitAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.MarkInTransit, markInTransit,
            new MarkReturnInTransit(Id, User.ToActor(), string.IsNullOrWhiteSpace(Input.TrackingNumber) ? null : Input.TrackingNumber, Input.Version),
            "The parcel is on its way back.", field => field == "trackingNumber" ? Field(nameof(ActionInput.TrackingNumber)) : "", cancellationToken);

    public Task<IActionResult> OnPostReceiveAsync(CancellationToken cancellationToken)
    {
        var (lines, rows) = Units(l => l.Received, nameof(LineInput.Received), "Enter the units that arrived.");
        if (string.IsNullOrWhiteSpace(Input.Location))
            ModelState.AddModelError(Field(nameof(ActionInput.Location)), "Where did the units arrive?");
        return SendAsync(ReturnStep.Receive, receive,
            new ReceiveReturn(Id, User.ToActor(), Input.ReceiptId, Input.Location?.Trim() ?? "", [.. lines.Select(l => new ReturnLineQuantity(l.Line, l.Units))], Input.Version),
            "The receipt is booked.", field => LineField(field, rows, nameof(LineInput.Received)) ?? (field == "location" ? Field(nameof(ActionInput.Location)) : ""),
            cancellationToken);
    }

    public Task<IActionResult> OnPostCloseMissingAsync(CancellationToken cancellationToken)
    {
        var (lines, rows) = Units(l => l.Missing, nameof(LineInput.Missing), "Enter the units that will not arrive.");
        return SendAsync(ReturnStep.CloseMissingUnits, closeMissing,
            new CloseMissingReturnUnits(Id, User.ToActor(), [.. lines.Select(l => new ReturnLineQuantity(l.Line, l.Units))], Input.Version),
            "The missing units are closed.", field => LineField(field, rows, nameof(LineInput.Missing)) ?? "", cancellationToken);
    }

    public Task<IActionResult> OnPostInspectAsync(CancellationToken cancellationToken)
    {
        var graded = new List<ReturnLineGrades>();
        var rows = new List<int>();
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var row = Input.Lines[i];
            var grades = Grades(row, i);
            if (grades.Count == 0)
                continue;
            graded.Add(new ReturnLineGrades(row.Line, grades));
            rows.Add(i);
        }
        if (graded.Count == 0 && ModelState.IsValid)
            ModelState.AddModelError("", "Grade at least one unit.");
        return SendAsync(ReturnStep.Inspect, inspect, new InspectReturnLines(Id, User.ToActor(), graded, Input.Version), "The inspection is recorded.",
            field => LineField(field, rows, nameof(LineInput.Grades)) ?? "", cancellationToken);
    }

    public Task<IActionResult> OnPostDispositionAsync(CancellationToken cancellationToken)
    {
        UnreadableUnits(Field(nameof(ActionInput.Units)), "Choose where each unit goes from the list.");
        if (Input.Units.Count > MaxUnitsPerForm)
            ModelState.AddModelError(Field(nameof(ActionInput.Units)), $"A form sends at most {MaxUnitsPerForm} units.");
        // The command takes units per disposition: the units chosen one by one are counted per destination, in the form's order.
        var lines = Input.Units.Count > MaxUnitsPerForm ? [] : Input.Units.OfType<ReturnDisposition>().Distinct()
            .Select(kind => new ReturnLineDisposition(Input.DispositionLine ?? 0, kind, Input.Units.Count(u => u == kind))).ToList();
        if (lines.Count == 0 && ModelState.IsValid)
            ModelState.AddModelError(Field(nameof(ActionInput.Units)), "Choose where at least one unit goes.");
        var toVendor = lines.Any(l => l.Disposition == ReturnDisposition.ReturnToVendor);
        if (toVendor && string.IsNullOrWhiteSpace(Input.Supplier))
            ModelState.AddModelError(Field(nameof(ActionInput.Supplier)), "Name the supplier the units go back to.");
        return SendAsync(ReturnStep.Disposition, disposition,
            new DispositionReturnLines(Id, User.ToActor(), lines, toVendor ? Input.Supplier?.Trim() : null, Input.Version),
            "The units are dispositioned.",
            field => field == "supplier" ? Field(nameof(ActionInput.Supplier)) : field?.StartsWith("lines", StringComparison.Ordinal) == true ? Field(nameof(ActionInput.Units)) : "",
            cancellationToken);
    }

    public Task<IActionResult> OnPostApproveWriteOffAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.ApproveWriteOff, approveWriteOff, new ApproveReturnWriteOff(Id, User.ToActor(), Input.Version), "The write-off is approved.", None,
            cancellationToken);

    public Task<IActionResult> OnPostRefundAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.Refund, refund, new RefundReturn(Id, User.ToActor(), Input.Version), "The return is refunded.", None, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        SendAsync(ReturnStep.Close, close, new CloseReturn(Id, User.ToActor(), Input.Version), "The return is closed.", None, cancellationToken);

    private static string None(string? field) => "";

    private static string Field(string name) => $"{nameof(Input)}.{name}";

    private static string LineInputField(int row, string column) => $"{nameof(Input)}.{nameof(ActionInput.Lines)}[{row}].{column}";

    /// <summary>The form field of a command error on <c>lines[i]</c>: the row of the form that became the command's i-th line.</summary>
    private static string? LineField(string? field, List<int> rows, string column) =>
        field is not null && CommandLine().Match(field) is { Success: true } match && int.Parse(match.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i
            && i < rows.Count
            ? LineInputField(rows[i], column)
            : null;

    [GeneratedRegex(@"^lines\[(?<i>\d{1,4})\]")]
    private static partial Regex CommandLine();

    /// <summary>The lines of a quantity form that name units, and which form row each came from; a negative count is refused beside its row.</summary>
    private (List<(int Line, int Units)> Lines, List<int> Rows) Units(Func<LineInput, int?> column, string columnName, string noneMessage)
    {
        var lines = new List<(int, int)>();
        var rows = new List<int>();
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            if (column(Input.Lines[i]) is not { } units || units == 0)
                continue;
            lines.Add((Input.Lines[i].Line, units));
            rows.Add(i);
        }
        if (lines.Count == 0 && ModelState.IsValid)
            ModelState.AddModelError(Input.Lines.Count > 0 ? LineInputField(0, columnName) : "", noneMessage);
        return (lines, rows);
    }

    private List<InspectionGrade> Grades(LineInput row, int index)
    {
        UnreadableUnits(LineInputField(index, nameof(LineInput.Grades)), "Choose a grade from the list for each unit.");
        if (row.Grades.Count <= MaxUnitsPerForm)
            return [.. row.Grades.OfType<InspectionGrade>()];
        ModelState.AddModelError(LineInputField(index, nameof(LineInput.Grades)), $"A form sends at most {MaxUnitsPerForm} units per line.");
        return [];
    }

    /// <summary>A unit's choice that is none of the list (only a forged form sends one) is said once beside the unit rows.</summary>
    private void UnreadableUnits(string field, string message)
    {
        if (ModelState.Any(entry => entry.Key.StartsWith($"{field}[", StringComparison.Ordinal) && entry.Value is { Errors.Count: > 0 }))
            ModelState.AddModelError(field, message);
    }

    /// <summary>
    /// Sends one step's command: a person whose roles own none of the step is refused outright (403); otherwise the command decides,
    /// and a refusal comes back beside its field with the person's input kept (a conflict says the return changed meanwhile).
    /// </summary>
    private async Task<IActionResult> SendAsync<TCommand>(
        ReturnStep step, ICommandHandler<TCommand, ReturnCommandResult> handler, TCommand command, string done, Func<string?, string> fieldOf,
        CancellationToken cancellationToken)
    {
        if (!ReturnWorkflow.RuleOf(step).IsOwnedBy(User.ToActor()))
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        var changedMeanwhile = false;
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(command, cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"{done} It is {result.Value.Status}.";
                StepVersion = result.Value.Version;
                return RedirectToPage(new { id = Id });
            }
            foreach (var error in result.Errors)
            {
                if (error.Code == CommonErrors.Conflict)
                {
                    changedMeanwhile = true;
                    ModelState.AddModelError("", "Someone changed this return while you were looking at it. The page now shows it as it is: check it and try again.");
                }
                else
                    ModelState.AddErrors([error], fieldOf);
            }
        }
        // The person saw the version they posted; after a conflict the return is newer than that.
        if (!await LoadAsync(changedMeanwhile ? Input.Version + 1 : Input.Version, cancellationToken))
            return NotFound();
        // The next try is decided on the return as it is shown now; the person's entries stay. A version the form sent unreadable,
        // or none, was no version seen: the step was not sent, and the page says so rather than coming back without a word.
        if (ModelState.GetFieldValidationState(Field(nameof(ActionInput.Version))) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError("", "The form did not say which version of the return it was filled in on. The page now shows the return as it is: check it and try again.");
        ModelState.Remove(Field(nameof(ActionInput.Version)));
        Input.Version = Return.Version;
        // A receipt id that did not come back whole (only a tampered form loses it) is replaced, so the next post is a receipt again.
        if (Input.ReceiptId == Guid.Empty || ModelState.GetFieldValidationState(Field(nameof(ActionInput.ReceiptId))) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (ModelState.Remove(Field(nameof(ActionInput.ReceiptId))))
                ModelState.AddModelError("", "The receipt form came back incomplete; check the units and book the receipt again.");
            Input.ReceiptId = Guid.NewGuid();
        }
        Input.Lines = [.. Return.Lines.Select(l => Input.Lines.FirstOrDefault(i => i.Line == l.OrderLineNumber) ?? new LineInput { Line = l.OrderLineNumber })];
        return Page();
    }

    private async Task<bool> LoadAsync(int? seenVersion, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var found = await get.HandleAsync(new GetReturn(Id, actor, seenVersion), cancellationToken);
        if (found.IsFailure)
            return false;
        Return = found.Value;
        if (Return.Status is ReturnStatus.Dispositioned or ReturnStatus.Inspected)
        {
            var refundNow = await preview.HandleAsync(new PreviewReturnRefund(Id, actor), cancellationToken);
            Refund = refundNow.IsSuccess ? refundNow.Value : null;
        }
        // The order read model may lag the return by a projection; the columns then stay empty rather than failing the page.
        OrderLines = (await getOrder.HandleAsync(new GetOrder(Return.OrderId), cancellationToken)).Value?.Lines.ToDictionary(l => l.LineNumber)
            ?? new Dictionary<int, OrderLineView>();
        Names = await workbench.NamesAsync([Return.RequestedBy, Return.AuthorizedBy, .. Return.Timeline.Select(t => t.ActorId)]);
        return true;
    }
}
