using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Audit.ListAuditLog;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Audit;

/// <summary>
/// The audit log, newest first: every command by a person or an API client, filtered by subject, actor, command, outcome and
/// time through the query string, keyset-paged, with master data and policy before and after. Administrators and executives read it.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Executive}")]
public sealed class IndexModel(IQueryHandler<ListAuditLog, AuditLogPage> list, ExceptionWorkbench people) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "subject")]
    public string? Subject { get; set; }

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "command")]
    public string? Command { get; set; }

    [FromQuery(Name = "outcome")]
    public AuditOutcome? Outcome { get; set; }

    /// <summary>The first day shown (UTC).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day shown (UTC), included.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Who made the change, as people read them (<see cref="ExceptionWorkbench.ReadableName"/>).</summary>
    public string Who(AuditEntry entry) => ExceptionWorkbench.ReadableName(Names, entry.ActorId, entry.ActorName);

    public int TotalCount { get; private set; }

    public string? NextCursor { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var after = After is { Length: > 0 } cursor ? OrderCursor.Parse(cursor) : null;
        if (After is { Length: > 0 } && after is null)
            ModelState.AddModelError(nameof(After), "That page link is not one this page made; start again from the first page.");
        if (UtcDays.AreBackwards(From, To))
            ModelState.AddModelError(nameof(To), UtcDays.BackwardsRange);
        if (!ModelState.IsValid)
        {
            Problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return;
        }

        var filter = new AuditLogFilter(
            SubjectId: NullIfEmpty(Subject), ActorId: NullIfEmpty(Actor), Command: NullIfEmpty(Command), Outcome: Outcome,
            From: UtcDays.StartOf(From),
            To: UtcDays.EndOf(To));
        var page = await list.HandleAsync(new ListAuditLog(new AuditLogRequest(filter, PageSize, after)), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(e => e.Message));
            return;
        }
        Entries = page.Value.Items;
        Names = await people.NamesAsync(Entries.Select(e => e.ActorId));
        TotalCount = page.Value.TotalCount;
        NextCursor = page.Value.HasNextPage ? page.Value.Cursors[^1].ToString() : null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
