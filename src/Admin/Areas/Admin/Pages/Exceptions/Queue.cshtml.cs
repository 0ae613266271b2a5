using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.AssignExceptionCase;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Exceptions;

/// <summary>
/// One queue's open cases (route <c>queue/{type}</c>), or the person's own (<c>queue/mine</c>), due first, with the SLA countdown
/// taken now; narrowed by channel and least priority and sorted by due time or priority through the query string, keyset-paged, and assigned in bulk.
/// </summary>
public sealed class QueueModel(
    ExceptionWorkbench workbench,
    IQueryHandler<ListExceptionCases, ExceptionCasePage> list,
    ICommandHandler<AssignExceptionCase, ExceptionCaseCommandResult> assign,
    TimeProvider clock) : PageModel
{
    public const string Mine = "mine";
    public const int PageSize = 25;

    private static readonly ExceptionCaseStatus[] OpenStatuses = [ExceptionCaseStatus.Open, ExceptionCaseStatus.Assigned];

    [FromRoute]
    public string Type { get; set; } = Mine;

    [FromQuery(Name = "channel")]
    public string? Channel { get; set; }

    /// <summary>Keeps cases whose priority score is at least this.</summary>
    [FromQuery(Name = "minPriority")]
    public int? MinPriority { get; set; }

    /// <summary><c>priority</c> ranks the highest score first; anything else sorts by due time, soonest first.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public AssignInput Input { get; set; } = new();

    public string Title { get; private set; } = "My cases";

    public IReadOnlyList<ExceptionCaseSummaryView> Cases { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public int TotalCount { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool MayAssign { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Assignees { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool SortsByPriority => string.Equals(Sort, "priority", StringComparison.OrdinalIgnoreCase);

    public sealed class AssignInput
    {
        [Display(Name = "Cases")]
        public List<Guid> CaseIds { get; set; } = [];

        [Display(Name = "Assign to")]
        public string? Assignee { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (!MayAssign)
            return Forbid();
        if (Input.CaseIds.Count == 0)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AssignInput.CaseIds)}", "Choose at least one case.");
        if (!Assignees.Any(a => a.Key == Input.Assignee))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AssignInput.Assignee)}", "Choose a person who holds the queue's role.");
        if (!ModelState.IsValid)
            return Page();

        var actor = User.ToActor();
        var refused = new List<string>();
        foreach (var caseId in Input.CaseIds.Distinct())
        {
            var assigned = await assign.HandleAsync(new AssignExceptionCase(caseId, actor, Input.Assignee!), cancellationToken);
            if (assigned.IsFailure)
                refused.Add(FormErrors.Readable(assigned.Error));
        }
        var done = Input.CaseIds.Distinct().Count() - refused.Count;
        StatusMessage = refused.Count == 0
            ? $"{done} case(s) assigned."
            : $"{done} case(s) assigned; {refused.Count} refused: {string.Join(" ", refused.Distinct())}";
        return RedirectToPage(new { type = Type, channel = Channel, minPriority = MinPriority, sort = Sort, after = After });
    }

    /// <summary>The page's cases and choices; false when the route names no queue the person sees.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        ExceptionCaseFilter filter;
        IReadOnlyCollection<string> queues;
        if (string.Equals(Type, Mine, StringComparison.OrdinalIgnoreCase))
        {
            filter = new ExceptionCaseFilter(Statuses: OpenStatuses, Assignee: actor.Id, Channel: NullIfEmpty(Channel), MinPriority: MinPriority);
            queues = ExceptionWorkbench.VisibleTypes(User).Select(ExceptionQueues.OwnerOf).Distinct().ToList();
        }
        else if (Enum.TryParse<ExceptionType>(Type, ignoreCase: true, out var type) && Enum.IsDefined(type)
                 && ExceptionWorkbench.VisibleTypes(User).Contains(type) && !int.TryParse(Type, out _))
        {
            filter = new ExceptionCaseFilter(Types: [type], Statuses: OpenStatuses, Channel: NullIfEmpty(Channel), MinPriority: MinPriority);
            queues = [ExceptionQueues.OwnerOf(type)];
            Title = $"{type} queue";
        }
        else
        {
            return false;
        }

        Now = clock.GetUtcNow();
        var after = After is { Length: > 0 } cursor ? OrderCursor.Parse(cursor) : null;
        var page = await list.HandleAsync(new ListExceptionCases(new ExceptionCaseListRequest(
            filter, SortsByPriority ? ExceptionCaseSortField.Priority : ExceptionCaseSortField.DueAt, SortsByPriority, PageSize, after,
            VisibleQueues: ExceptionWorkbench.VisibleQueues(User))), cancellationToken);
        if (page.IsSuccess)
        {
            Cases = page.Value.Items;
            TotalCount = page.Value.TotalCount;
            NextCursor = page.Value.HasNextPage ? page.Value.Cursors[^1].ToString() : null;
        }
        MayAssign = queues.Any(actor.MayActAs);
        Assignees = MayAssign ? await workbench.AssigneesAsync(queues.Where(actor.MayActAs)) : [];
        Names = await workbench.NamesAsync(Cases.Select(c => c.Assignee));
        return true;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
