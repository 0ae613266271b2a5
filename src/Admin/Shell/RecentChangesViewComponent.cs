using EcomErp.Admin.Exceptions;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Audit.ListAuditLog;
using Microsoft.AspNetCore.Mvc;

namespace EcomErp.Admin.Shell;

/// <summary>
/// The last changes of one record from the audit log (who, when, which command, what changed), for the page of a SKU, a
/// channel, a location, a supplier…: <c>@await Component.InvokeAsync("RecentChanges", new { kind = "Sku", id = "TEE-M" })</c>.
/// <paramref name="kind"/> is the record type's name as the audit names subjects (<see cref="Domain.Audit.AuditSubject"/>).
/// </summary>
public sealed class RecentChangesViewComponent(IQueryHandler<ListAuditLog, AuditLogPage> auditLog, ExceptionWorkbench people) : ViewComponent
{
    public const int DefaultCount = 10;

    public async Task<IViewComponentResult> InvokeAsync(string kind, string id, int count = DefaultCount)
    {
        var page = await auditLog.HandleAsync(
            new ListAuditLog(new AuditLogRequest(new AuditLogFilter(SubjectKind: kind, SubjectId: id), Math.Clamp(count, 1, AuditLogRequest.MaxSize))),
            HttpContext.RequestAborted);
        var entries = page.IsSuccess ? page.Value.Items : [];
        return View(new RecentChanges(kind, id, entries, page.IsSuccess ? page.Value.TotalCount : 0, await people.NamesAsync(entries.Select(e => e.ActorId))));
    }
}

public sealed record RecentChanges(string Kind, string Id, IReadOnlyList<Domain.Audit.AuditEntry> Entries, int TotalCount, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>Who made the change, as people read them (<see cref="ExceptionWorkbench.ReadableName"/>).</summary>
    public string Who(Domain.Audit.AuditEntry entry) => ExceptionWorkbench.ReadableName(Names, entry.ActorId, entry.ActorName);
}
