using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ListCycleCounts;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// Cycle counts: a count of the units on hand per SKU and location (<see cref="RecordCycleCount"/>), and every count recorded, matched
/// or with a variance, from the cycle-count read model, filtered by SKU, location, outcome and the days counted (in the
/// person's time zone), newest first, page by page; filters in the query string.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class CycleCountsModel(
    IQueryHandler<ListCycleCounts, DocumentPage<CycleCountView>> list,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    ICommandHandler<RecordCycleCount, CycleCountResult> count,
    ExceptionWorkbench workbench,
    PersonTimeZone timeZones) : PageModel
{
    public const int PageSize = 25;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "sku")]
    public string? SkuFilter { get; set; }

    [FromQuery(Name = "location")]
    public string? LocationFilter { get; set; }

    [FromQuery(Name = "outcome")]
    public CycleCountOutcome? Outcome { get; set; }

    /// <summary>The first day counted, in the person's time zone.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day counted, in the person's time zone (inclusive).</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty]
    public CountInput Input { get; set; } = new();

    public IReadOnlyList<CycleCountView> Counts { get; private set; } = [];

    public int TotalCount { get; private set; }

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string? Problem { get; private set; }

    public bool MayCount => User.MayHandleStock();

    public sealed class CountInput
    {
        [Display(Name = "SKU")]
        public string? Sku { get; set; }

        [Display(Name = "Location")]
        public string? Location { get; set; }

        [Display(Name = "Units counted (on hand)")]
        public int? CountedQuantity { get; set; }
    }

    public string Name(string? actorId) => actorId is null ? "" : Names.GetValueOrDefault(actorId, actorId);

    /// <summary>The list's filters as route values, for the pager's links.</summary>
    public Dictionary<string, string> Filters(int pageNumber)
    {
        var values = new Dictionary<string, string> { ["pageNumber"] = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(SkuFilter))
            values["sku"] = SkuFilter;
        if (!string.IsNullOrWhiteSpace(LocationFilter))
            values["location"] = LocationFilter;
        if (Outcome is { } outcome)
            values["outcome"] = outcome.ToString();
        if (From is { } from)
            values["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (To is { } to)
            values["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayCount)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid && Input.CountedQuantity is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CountInput.CountedQuantity)}", "Say how many units were counted.");
        if (ModelState.IsValid)
        {
            var result = await count.HandleAsync(new RecordCycleCount(User.ToActor(), Input.Sku ?? "", Input.Location ?? "", Input.CountedQuantity!.Value),
                cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = PositionModel.Counted(result.Value);
                return RedirectToPage();
            }
            ModelState.AddErrors(result.Errors, field => field switch
            {
                "sku" => $"{nameof(Input)}.{nameof(CountInput.Sku)}",
                "location" => $"{nameof(Input)}.{nameof(CountInput.Location)}",
                "countedQuantity" => $"{nameof(Input)}.{nameof(CountInput.CountedQuantity)}",
                _ => nameof(Input),
            });
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Locations = [.. (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value.Select(l => l.Code)];
        // A filter the binder could not read (a word where a date or outcome goes) is named rather than silently dropped.
        var unreadable = ModelState.Where(e => e.Key is "from" or "to" or "outcome" or "pageNumber" && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        if (unreadable.Count > 0)
        {
            Problem = $"A filter could not be read ({string.Join(", ", unreadable)}); showing every count.";
            (SkuFilter, LocationFilter, Outcome, From, To, PageNumber) = (null, null, null, null, null, 1);
        }
        // The days are the person's, not UTC's, but a last day before the first is said in the same words as the other lists.
        if (UtcDays.AreBackwards(From, To))
        {
            Problem = UtcDays.BackwardsRange;
            return;
        }
        var zone = timeZones.For(User);
        var page = await list.HandleAsync(new ListCycleCounts(SkuFilter, LocationFilter, Outcome, StartOf(From, zone), EndOf(To, zone),
            PageNumber, PageSize), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(FormErrors.Readable));
            return;
        }
        (Counts, TotalCount) = (page.Value.Items, page.Value.TotalCount);
        Names = await workbench.NamesAsync([.. Counts.Select(c => c.CountedBy)]);
    }

    /// <summary>
    /// The instant the day begins in the zone (a midnight skipped by a clock change counts with the zone's standard offset).
    /// The calendar's first day begins before the first instant in a zone ahead of UTC: the window is then open at its start.
    /// </summary>
    private static DateTimeOffset? StartOf(DateOnly? day, TimeZoneInfo zone)
    {
        if (day is not { } date)
            return null;
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var offset = zone.GetUtcOffset(midnight);
        return midnight.Ticks - offset.Ticks < DateTime.MinValue.Ticks ? null : new DateTimeOffset(midnight, offset);
    }

    /// <summary>The instant after the day's last, in the zone: the next day's start; the calendar's last day has no next one.</summary>
    private static DateTimeOffset? EndOf(DateOnly? day, TimeZoneInfo zone) =>
        day is { } date && date < DateOnly.MaxValue ? StartOf(date.AddDays(1), zone) : null;
}
