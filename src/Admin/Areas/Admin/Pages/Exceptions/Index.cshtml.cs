using EcomErp.Admin.Exceptions;
using EcomErp.Domain.Exceptions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Exceptions;

/// <summary>My queues: each queue the person's roles own (an administrator and an executive: all), with its open and overdue cases.</summary>
public sealed class IndexModel(ExceptionWorkbench workbench) : PageModel
{
    public sealed record QueueRow(ExceptionType Type, string Queue, ExceptionCounts Counts);

    public IReadOnlyList<QueueRow> Queues { get; private set; } = [];

    public ExceptionCounts Mine { get; private set; } = new(0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = new List<QueueRow>();
        foreach (var type in ExceptionWorkbench.VisibleTypes(User))
            rows.Add(new QueueRow(type, ExceptionQueues.OwnerOf(type), await workbench.CountAsync(User, type, null, cancellationToken)));
        Queues = rows;
        Mine = await workbench.CountAsync(User, null, Identity.AdminActor.ToActor(User).Id, cancellationToken);
    }
}
