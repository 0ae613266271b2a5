using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Policies;
using EcomErp.Application.Policies.GetPolicies;
using EcomErp.Application.Policies.GetPolicyHistory;
using EcomErp.Application.Policies.SetPolicy;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Policies;

/// <summary>
/// Thresholds and rules: the value in force in every scope, the history of a key (<c>?key=</c>), the changes of money
/// thresholds waiting for a second administrator, and a form to propose a change with its reason (decision 028).
/// Administrators change; executives read. Approving or rejecting a pending change resolves its approval case through the
/// same command as the exception workbench, so four eyes and the case's timeline apply alike.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Executive}")]
public sealed class IndexModel(
    IQueryHandler<GetPolicies, IReadOnlyList<PolicyView>> list,
    IQueryHandler<GetPolicyHistory, IReadOnlyList<PolicyChangeView>> history,
    IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels,
    ICommandHandler<SetPolicy, SetPolicyResult> set,
    ICommandHandler<ResolveExceptionCase, ExceptionCaseCommandResult> resolve,
    ExceptionWorkbench workbench) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The key whose history is shown, from the query string.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public IReadOnlyList<PolicyView> Policies { get; private set; } = [];

    public IReadOnlyList<PolicyChangeView> History { get; private set; } = [];

    public IReadOnlyList<string> Channels { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool MayChange => User.IsInRole(Roles.Admin);

    public string SignedInActorId => User.ToActor().Id;

    public sealed class ProposalInput
    {
        [Display(Name = "Policy")]
        public string? Key { get; set; }

        [Display(Name = "Channel")]
        public string? Channel { get; set; }

        [Display(Name = "Currency")]
        public string? Currency { get; set; }

        [Display(Name = "New value")]
        public decimal? Value { get; set; }

        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public sealed class DecisionInput
    {
        /// <summary>The approval case of the pending change decided.</summary>
        public Guid CaseId { get; set; }

        [Display(Name = "Note")]
        public string? Note { get; set; }
    }

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    /// <summary>
    /// The values a policy takes, in the words its refusal uses (<see cref="PolicyErrors.ValueNotWhole"/>): a flag's range is
    /// only its two values, and a whole number says so, so nobody proposes 30.5 days to be told afterwards.
    /// </summary>
    public static string Takes(PolicyDefinition definition) => definition.Kind switch
    {
        PolicyValueKind.Flag => "1 (yes) or 0 (no)",
        PolicyValueKind.WholeNumber => $"a whole number, {definition.Min} – {definition.Max}",
        _ => $"{definition.Min} – {definition.Max}",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        // Only this form's fields count here; an unreadable number stays in the field with the binder's message beside it.
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            if (Input.Value is not { } value)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ProposalInput.Value)}", "A new value is required.");
            else
            {
                var result = await set.HandleAsync(new SetPolicy(User.ToActor(), Input.Key ?? "", Input.Channel, Input.Currency, value, Input.Reason ?? ""), cancellationToken);
                if (result.IsSuccess)
                {
                    StatusMessage = result.Value.Change.Status == PolicyChangeStatus.Pending
                        ? $"The change of {result.Value.Change.Key} ({result.Value.Change.Scope}) waits for a second administrator."
                        : $"{result.Value.Change.Key} ({result.Value.Change.Scope}) is now {result.Value.Change.Value}.";
                    return RedirectToPage(new { key = result.Value.Change.Key });
                }
                ModelState.AddErrors(result.Errors, ProposalField);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync(ExceptionResolution.Approved, "The change is approved and in force now.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        DecideAsync(ExceptionResolution.Rejected, "The change is rejected; the value in force stays.", cancellationToken);

    private async Task<IActionResult> DecideAsync(ExceptionResolution resolution, string done, CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        var result = await resolve.HandleAsync(new ResolveExceptionCase(Decision.CaseId, User.ToActor(), resolution, Decision.Note ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            StatusMessage = done;
            return RedirectToPage(new { key = Key });
        }
        foreach (var error in result.Errors)
            ModelState.AddModelError($"{nameof(Decision)}.{nameof(DecisionInput.Note)}", error.Code switch
            {
                ExceptionCaseErrors.SelfApprovalCode => "You proposed this change: a second administrator decides it (four eyes).",
                _ => FormErrors.Readable(error),
            });
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static string ProposalField(string? field) => field switch
    {
        "key" => $"{nameof(Input)}.{nameof(ProposalInput.Key)}",
        "channel" or "scope" => $"{nameof(Input)}.{nameof(ProposalInput.Channel)}",
        "currencyCode" => $"{nameof(Input)}.{nameof(ProposalInput.Currency)}",
        "value" => $"{nameof(Input)}.{nameof(ProposalInput.Value)}",
        "reason" => $"{nameof(Input)}.{nameof(ProposalInput.Reason)}",
        _ => string.Empty,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Policies = (await list.HandleAsync(new GetPolicies(), cancellationToken)).Value;
        if (!string.IsNullOrEmpty(Key) && await history.HandleAsync(new GetPolicyHistory(Key), cancellationToken) is { IsSuccess: true } found)
            History = found.Value;
        Channels = [.. (await channels.HandleAsync(new ListChannels(null), cancellationToken)).Value.Select(c => c.Code)];
        Names = await workbench.NamesAsync([
            .. Policies.SelectMany(p => new[] { p.SetBy?.ProposedBy, p.SetBy?.DecidedBy, p.Pending?.ProposedBy }),
            .. History.SelectMany(c => new[] { c.ProposedBy, c.DecidedBy })]);
    }
}
