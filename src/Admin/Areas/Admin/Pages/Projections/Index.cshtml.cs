using EcomErp.Application.ReadModels;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace EcomErp.Admin.Areas.Admin.Pages.Projections;

/// <summary>Projection health: how far the read models trail the event log, and a rebuild when they must start over.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed partial class IndexModel(IReadModelMaintenance maintenance, ILogger<IndexModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public ProjectionStatus Status { get; private set; } = new(0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await maintenance.GetStatusAsync(cancellationToken);

    /// <summary>
    /// The rebuild's figures as JSON (<c>{"rebuilding":true,"applied":120,"newest":480}</c>), polled by projections.js
    /// while the rebuild runs in the request of the person who started it.
    /// </summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        var status = await maintenance.GetStatusAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { rebuilding = status.Rebuilding, applied = status.AppliedSequence, newest = status.NewestSequence });
    }

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken cancellationToken)
    {
        var applied = await maintenance.RebuildAsync(cancellationToken);
        LogRebuilt(logger, User.Identity?.Name ?? "unknown", applied);
        StatusMessage = $"Read models rebuilt from the event log: {applied} events re-applied.";
        return RedirectToPage();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{User} rebuilt the read models from the admin ({Applied} events re-applied)")]
    private static partial void LogRebuilt(ILogger logger, string user, int applied);
}
