using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.ParkedEvents;
using EcomErp.Application.ParkedEvents.ListParkedEvents;
using EcomErp.Admin.Shell;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.ParkedEvents;

/// <summary>
/// The events the outbox's consumers parked or hold back (decision 054), in outbox order, keyset-paged, narrowed by consumer,
/// status and outbox event (the link from an INTEGRATION_FAILURE case) through the query string.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IQueryHandler<ListParkedEvents, ParkedEventPage> list) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "consumer")]
    public string? Consumer { get; set; }

    /// <summary>A <see cref="ParkedEventStatus"/> by name; empty lists every status.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "eventId")]
    public Guid? EventId { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ParkedEventView> Events { get; private set; } = [];

    public int TotalCount { get; private set; }

    public string? NextCursor { get; private set; }

    public static IReadOnlyList<ParkedEventStatus> Statuses { get; } = Enum.GetValues<ParkedEventStatus>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ParkedEventStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            // Enum.TryParse also reads "7" or "Parked,Held": only a status's own name is a filter.
            status = Statuses.Where(s => string.Equals(s.ToString(), Status.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<ParkedEventStatus?>().FirstOrDefault();
            if (status is null)
            {
                ModelState.AddModelError(nameof(Status), $"Choose a status from the list: {string.Join(", ", Statuses)}.");
                return;
            }
        }
        var filter = new ParkedEventFilter(string.IsNullOrWhiteSpace(Consumer) ? null : Consumer.Trim(), status, EventId);
        var after = After is { Length: > 0 } cursor ? OrderCursor.Parse(cursor) : null;
        var page = await list.HandleAsync(new ListParkedEvents(new ParkedEventListRequest(filter, PageSize, after)), cancellationToken);
        if (page.IsFailure)
        {
            ModelState.AddErrors(page.Errors, _ => string.Empty);
            return;
        }
        Events = page.Value.Items;
        TotalCount = page.Value.TotalCount;
        NextCursor = page.Value.HasNextPage ? page.Value.Cursors[^1].ToString() : null;
    }
}
