using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Orders.DeleteOrderView;
using EcomErp.Application.Orders.ListOrders;
using EcomErp.Application.Orders.ListOrderViews;
using EcomErp.Application.Orders.SaveOrderView;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Orders.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Orders;

/// <summary>
/// The orders index: the order read model through <see cref="ListOrders"/> (the handler GraphQL's <c>orders</c> uses), filtered,
/// sorted and keyset-paged by the query string so every view is a bookmark; the saved views are such bookmarks. Everyone who
/// works orders reads it; what they may do to one is the order page's business. Beside the fixed views each person keeps views
/// of their own (decision 043): the current filters and sort under a name, through <see cref="SaveOrderView"/>.
/// </summary>
[Authorize(Roles = Readers)]
public sealed class IndexModel(
    IQueryHandler<ListOrders, OrderPage> list, IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels,
    IQueryHandler<ListOrderViews, IReadOnlyList<SavedOrderViewItem>> views, ICommandHandler<SaveOrderView, SavedOrderViewItem> save,
    ICommandHandler<DeleteOrderView, Guid> delete, TimeProvider clock) : PageModel
{
    /// <summary>The roles that work orders (Executive reads), for the orders pages and their navigation links.</summary>
    public const string Readers =
        $"{Roles.Admin},{Roles.OperationsManager},{Roles.WarehouseManager},{Roles.CustomerService},{Roles.Finance},{Roles.Executive}";

    public const int PageSize = 25;

    /// <summary>Fixed views, like a shop admin's tabs: a title and the query string that is the view.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyDictionary<string, string> Query)> SavedViews { get; } =
    [
        ("All", new Dictionary<string, string>()),
        ("Held", new Dictionary<string, string> { ["held"] = "true" }),
        ("Backordered", new Dictionary<string, string> { ["status"] = nameof(OrderStatus.Backordered) }),
        ("Overdue", new Dictionary<string, string> { ["overdue"] = "true", ["sort"] = nameof(OrderSortField.ShipBy), ["dir"] = "asc" }),
        ("Ready to release", new Dictionary<string, string> { ["status"] = nameof(OrderStatus.Allocated), ["held"] = "false" }),
    ];

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The form that keeps the current filters and sort under a name.</summary>
    [BindProperty]
    public NewViewInput NewView { get; set; } = new();

    /// <summary>The form that renames one of the person's views (one per view in the list; the posted one is kept).</summary>
    [BindProperty]
    public RenameViewInput Rename { get; set; } = new();

    public sealed class NewViewInput
    {
        [Display(Name = "View name")]
        public string? Name { get; set; }
    }

    public sealed class RenameViewInput
    {
        public Guid? Id { get; set; }

        [Display(Name = "New name")]
        public string? Name { get; set; }
    }

    /// <summary>The signed-in person's own views, by name.</summary>
    public IReadOnlyList<SavedOrderViewItem> MyViews { get; private set; } = [];

    [FromQuery(Name = "channel")]
    [Display(Name = "Channel")]
    public string? Channel { get; set; }

    [FromQuery(Name = "status")]
    [Display(Name = "Status")]
    public OrderStatus? Status { get; set; }

    [FromQuery(Name = "hold")]
    [Display(Name = "Hold type")]
    public HoldType? Hold { get; set; }

    [FromQuery(Name = "held")]
    [Display(Name = "On hold")]
    public bool? Held { get; set; }

    /// <summary>The first day of capture shown (UTC).</summary>
    [FromQuery(Name = "from")]
    [Display(Name = "Captured from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day of capture shown (UTC), included.</summary>
    [FromQuery(Name = "to")]
    [Display(Name = "Captured to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "overdue")]
    [Display(Name = "Ship-by passed")]
    public bool? Overdue { get; set; }

    [FromQuery(Name = "externalId")]
    [Display(Name = "External id")]
    public string? ExternalId { get; set; }

    [FromQuery(Name = "sort")]
    [Display(Name = "Sort by")]
    public OrderSortField? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; newest first when not given.</summary>
    [FromQuery(Name = "dir")]
    [Display(Name = "Direction")]
    public string? Dir { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    public IReadOnlyList<OrderSummaryView> Orders { get; private set; } = [];

    public int TotalCount { get; private set; }

    public string? NextCursor { get; private set; }

    public string? PreviousCursor { get; private set; }

    public IReadOnlyList<string> Channels { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The sorts the page offers (captured, ship-by, priority, status).</summary>
    public static IReadOnlyList<(OrderSortField Field, string Title)> Sorts { get; } =
    [
        (OrderSortField.CapturedAt, "Captured"), (OrderSortField.ShipBy, "Ship-by"), (OrderSortField.Priority, "Priority"), (OrderSortField.Status, "Status"),
    ];

    public bool Descending => !string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The current filters and sort as route values, for the pager and the saved views' active state.</summary>
    public Dictionary<string, string> Query(string? after = null, string? before = null)
    {
        var query = new Dictionary<string, string>();
        void Put(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
                query[key] = text;
        }
        Put("channel", Channel);
        Put("status", Status);
        Put("hold", Hold);
        Put("held", Held?.ToString().ToLowerInvariant());
        Put("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Put("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Put("overdue", Overdue?.ToString().ToLowerInvariant());
        Put("externalId", ExternalId);
        Put("sort", Sort);
        Put("dir", Dir);
        Put("after", after);
        Put("before", before);
        return query;
    }

    /// <summary>A saved view's query string as route values for its link (a repeated key counts once, as the page binds it).</summary>
    public static Dictionary<string, string> RouteValuesOf(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString().Split(',')[0], StringComparer.Ordinal);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveViewAsync(CancellationToken cancellationToken)
    {
        // A view is the filters as the page reads them: filters it cannot read are not saved, and the page says which.
        var cursors = ReadFilters();
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError($"{nameof(NewView)}.{nameof(NewViewInput.Name)}", "Correct the filters first: a view keeps only filters the page can read.");
            await ShowAsync(cursors, cancellationToken);
            return Page();
        }
        ModelState.KeepOnly(nameof(NewView));
        var query = QueryString.Create(Query().Select(q => KeyValuePair.Create(q.Key, (string?)q.Value))).ToUriComponent().TrimStart('?');
        var saved = await save.HandleAsync(new SaveOrderView(User.ToActor(), NewView.Name ?? "", query), cancellationToken);
        if (saved.IsSuccess)
        {
            StatusMessage = $"View '{saved.Value.Name}' is saved.";
            return RedirectToPage("./Index", Query());
        }
        ModelState.AddErrors(saved.Errors, field => field == "name" ? $"{nameof(NewView)}.{nameof(NewViewInput.Name)}" : "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameViewAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Rename));
        var renamed = await save.HandleAsync(new SaveOrderView(User.ToActor(), Rename.Name ?? "", null, Rename.Id ?? Guid.Empty), cancellationToken);
        if (renamed.IsSuccess)
        {
            StatusMessage = $"The view is renamed to '{renamed.Value.Name}'.";
            return RedirectToPage("./Index", Query());
        }
        ModelState.AddErrors(renamed.Errors, field => field == "name" ? $"{nameof(Rename)}.{nameof(RenameViewInput.Name)}" : "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteViewAsync([FromForm] Guid viewId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var deleted = await delete.HandleAsync(new DeleteOrderView(User.ToActor(), viewId), cancellationToken);
        if (deleted.IsSuccess)
        {
            StatusMessage = "The view is deleted.";
            return RedirectToPage("./Index", Query());
        }
        ModelState.AddErrors(deleted.Errors, _ => "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private Task LoadAsync(CancellationToken cancellationToken) => ShowAsync(ReadFilters(), cancellationToken);

    /// <summary>Checks the filters the binder could read (direction, days, page links), each refusal beside its field; the page's cursors.</summary>
    private (OrderCursor? After, OrderCursor? Before) ReadFilters()
    {
        if (Dir is { Length: > 0 } dir && dir is not ("asc" or "desc"))
            ModelState.AddModelError(nameof(Dir), "The direction is asc or desc.");
        if (UtcDays.AreBackwards(From, To))
            ModelState.AddModelError(nameof(To), UtcDays.BackwardsRange);
        return (Cursor(After, nameof(After)), Cursor(Before, nameof(Before)));
    }

    /// <summary>The person's views and the page of orders the filters select, unless a filter is refused.</summary>
    private async Task ShowAsync((OrderCursor? After, OrderCursor? Before) cursors, CancellationToken cancellationToken)
    {
        MyViews = (await views.HandleAsync(new ListOrderViews(User.ToActor()), cancellationToken)).Value;
        Now = clock.GetUtcNow();
        Channels = [.. (await channels.HandleAsync(new ListChannels(null), cancellationToken)).Value.Select(c => c.Code)];
        if (!ModelState.IsValid)
            return;
        var (after, before) = cursors;

        var filter = new OrderFilter(
            Statuses: Status is { } status ? [status] : null,
            Channels: string.IsNullOrWhiteSpace(Channel) ? null : [Channel.Trim()],
            CapturedFrom: UtcDays.StartOf(From),
            CapturedTo: UtcDays.EndOf(To),
            ExternalOrderId: string.IsNullOrWhiteSpace(ExternalId) ? null : ExternalId.Trim(),
            OnHold: Held,
            HoldTypes: Hold is { } hold ? [hold] : null,
            Overdue: Overdue);
        var request = new OrderListRequest(filter, Sort ?? OrderSortField.CapturedAt, Descending, PageSize, after, VisibleChannels: null,
            FromTheEnd: before is not null && after is null, Before: before);
        var page = await list.HandleAsync(new ListOrders(request), cancellationToken);
        if (page.IsFailure)
        {
            foreach (var error in page.Errors)
                ModelState.AddModelError(error.Field switch { "filter.capturedFrom" => nameof(From), "filter.capturedTo" => nameof(To), _ => "" }, error.Message);
            return;
        }
        Orders = page.Value.Items;
        TotalCount = page.Value.TotalCount;
        NextCursor = page.Value.HasNextPage && page.Value.Cursors.Count > 0 ? page.Value.Cursors[^1].ToString() : null;
        PreviousCursor = page.Value.HasPreviousPage && page.Value.Cursors.Count > 0 ? page.Value.Cursors[0].ToString() : null;
    }

    private OrderCursor? Cursor(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var cursor = OrderCursor.Parse(text);
        if (cursor is null)
            ModelState.AddModelError(field, "That page link is not one this page made; start again from the first page.");
        return cursor;
    }
}
