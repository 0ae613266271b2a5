using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Orders.ListOrders;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.ListReturns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Returns;

/// <summary>
/// The returns queue: the returns read model through <see cref="ListReturns"/> (the handler GraphQL's <c>returns</c> uses),
/// filtered, sorted and keyset-paged by the query string so every view is a bookmark, as the orders index is. Everyone who
/// reads a return's page reads the queue; what they may do to one is the return page's business.
/// </summary>
[Authorize(Roles = ReturnPageRoles.Readers)]
public sealed class IndexModel(
    IQueryHandler<ListReturns, ReturnPage> list, IQueryHandler<ListOrders, OrderPage> orders,
    IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels, IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The days a return may sit in one state before the "Stale" view shows it.</summary>
    public const int StaleAfterDays = 2;

    private static readonly ReturnStatus[] Open = [.. Enum.GetValues<ReturnStatus>().Where(s => !ReturnWorkflow.IsTerminal(s))];

    /// <summary>Fixed views, like a shop admin's tabs: a title and the query string that is the view (a key may repeat).</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<KeyValuePair<string, string>> Query)> FixedViews { get; } =
    [
        ("All", []),
        ("Waiting for approval", [new("status", nameof(ReturnStatus.Requested)), new("needsApproval", "true")]),
        ("In transit", [new("status", nameof(ReturnStatus.InTransit))]),
        ("Awaiting inspection", [new("status", nameof(ReturnStatus.Received))]),
        ($"Stale > {StaleAfterDays} days",
            [.. Open.Select(s => new KeyValuePair<string, string>("status", s.ToString())), new("olderThan", $"{StaleAfterDays}"), new("sort", nameof(ReturnSortField.Age)), new("dir", "desc")]),
    ];

    /// <summary>The sorts the page offers.</summary>
    public static IReadOnlyList<(ReturnSortField Field, string Title)> Sorts { get; } =
    [
        (ReturnSortField.RequestedAt, "Requested"), (ReturnSortField.Status, "Status"), (ReturnSortField.Age, "Time in its state"), (ReturnSortField.Rma, "RMA number"),
    ];

    [FromQuery(Name = "channel")]
    [Display(Name = "Channel")]
    public string? Channel { get; set; }

    /// <summary>Any of these states (none: every state).</summary>
    [FromQuery(Name = "status")]
    [Display(Name = "Status")]
    public List<ReturnStatus> Status { get; set; } = [];

    [FromQuery(Name = "location")]
    [Display(Name = "Location")]
    public string? Location { get; set; }

    [FromQuery(Name = "needsApproval")]
    [Display(Name = "Needs approval")]
    public bool? NeedsApproval { get; set; }

    /// <summary>The first day of request shown (UTC).</summary>
    [FromQuery(Name = "from")]
    [Display(Name = "Requested from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day of request shown (UTC), included.</summary>
    [FromQuery(Name = "to")]
    [Display(Name = "Requested to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "olderThan")]
    [Display(Name = "In its state for at least (days)")]
    public int? OlderThan { get; set; }

    [FromQuery(Name = "rma")]
    [Display(Name = "RMA number")]
    public string? Rma { get; set; }

    /// <summary>The order's id, or its id in the channel (the external id).</summary>
    [FromQuery(Name = "order")]
    [Display(Name = "Order")]
    public string? Order { get; set; }

    [FromQuery(Name = "sort")]
    [Display(Name = "Sort by")]
    public ReturnSortField? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; newest first when not given.</summary>
    [FromQuery(Name = "dir")]
    [Display(Name = "Direction")]
    public string? Dir { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    public IReadOnlyList<ReturnView> Returns { get; private set; } = [];

    public int TotalCount { get; private set; }

    public string? NextCursor { get; private set; }

    public string? PreviousCursor { get; private set; }

    public IReadOnlyList<string> Channels { get; private set; } = [];

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool Descending => !string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whole days <paramref name="item"/> has been in its current state.</summary>
    public int DaysInState(ReturnView item) => Math.Max(0, (int)(Now - item.StatusChangedAt).TotalDays);

    public static string Money(ReturnView item) => new Money(item.ValueMinor, Currency.Of(item.Currency)).ToString();

    /// <summary>The current filters and sort as query pairs (a status per pair), for the pager and the fixed views' active state.</summary>
    public List<KeyValuePair<string, string>> Query(string? after = null, string? before = null)
    {
        var query = new List<KeyValuePair<string, string>>();
        void Put(string key, object? value)
        {
            if (value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
                query.Add(new(key, text));
        }
        Put("channel", Channel);
        foreach (var status in Status)
            Put("status", status);
        Put("location", Location);
        Put("needsApproval", NeedsApproval?.ToString().ToLowerInvariant());
        Put("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put("olderThan", OlderThan);
        Put("rma", Rma);
        Put("order", Order);
        Put("sort", Sort);
        Put("dir", Dir);
        Put("after", after);
        Put("before", before);
        return query;
    }

    /// <summary>The queue's address with <paramref name="query"/>.</summary>
    public string Link(IEnumerable<KeyValuePair<string, string>> query) =>
        Url.Page("./Index") + QueryString.Create(query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value))).ToUriComponent();

    /// <summary>Whether <paramref name="view"/> is what the page shows now (the same pairs, in any order).</summary>
    public bool IsCurrent(IEnumerable<KeyValuePair<string, string>> view) =>
        view.Select(q => $"{q.Key}={q.Value}").Order(StringComparer.Ordinal).SequenceEqual(Query().Select(q => $"{q.Key}={q.Value}").Order(StringComparer.Ordinal));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Channels = [.. (await channels.HandleAsync(new ListChannels(null), cancellationToken)).Value.Select(c => c.Code)];
        Locations = [.. (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value.Select(l => l.Code)];
        if (Dir is { Length: > 0 } dir && dir is not ("asc" or "desc"))
            ModelState.AddModelError(nameof(Dir), "The direction is asc or desc.");
        var after = Cursor(After, nameof(After));
        var before = Cursor(Before, nameof(Before));
        var orderId = await OrderIdAsync(cancellationToken);
        if (!ModelState.IsValid)
            return;

        var filter = new ReturnFilter(
            Channels: string.IsNullOrWhiteSpace(Channel) ? null : [Channel],
            Statuses: Status.Count > 0 ? Status : null,
            OrderId: orderId,
            Location: string.IsNullOrWhiteSpace(Location) ? null : Location,
            NeedsApproval: NeedsApproval,
            RequestedFrom: UtcDays.StartOf(From),
            RequestedTo: UtcDays.EndOf(To),
            OlderThanDays: OlderThan,
            // Blank is "any RMA" here; the query refuses a blank text, which is the API caller's mistake, not a person's.
            RmaText: string.IsNullOrWhiteSpace(Rma) ? null : Rma);
        var request = new ReturnListRequest(filter, Sort ?? ReturnSortField.RequestedAt, Descending, PageSize, VisibleChannels: null,
            After: after, FromTheEnd: before is not null && after is null, Before: before);
        var page = await list.HandleAsync(new ListReturns(request), cancellationToken);
        if (page.IsFailure)
        {
            foreach (var error in page.Errors)
                ModelState.AddModelError(FieldOf(error.Field), Readable(error));
            return;
        }
        Returns = page.Value.Items;
        TotalCount = page.Value.TotalCount;
        NextCursor = page.Value.HasNextPage && page.Value.Cursors.Count > 0 ? Key(page.Value.Cursors[^1]) : null;
        PreviousCursor = page.Value.HasPreviousPage && page.Value.Cursors.Count > 0 ? Key(page.Value.Cursors[0]) : null;
    }

    private static string FieldOf(string? field) => field switch
    {
        "filter.requestedFrom" => nameof(From),
        "filter.requestedTo" => nameof(To),
        "filter.olderThanDays" => nameof(OlderThan),
        "filter.rmaText" => nameof(Rma),
        _ => "",
    };

    /// <summary>The query's messages name its API arguments; a person reads the form's own words for the same refusal.</summary>
    private string Readable(Error error) => error.Code switch
    {
        ReturnQueryErrors.RequestedRangeInvalid => UtcDays.BackwardsRange,
        ReturnQueryErrors.AgeInvalid => $"Enter a whole number of days from 0 to {ReturnFilter.MaxOlderThanDays}.",
        ReturnQueryErrors.RmaTextInvalid => $"Enter 1 to {Domain.Returns.Return.RmaNumberMaxLength} characters of an RMA number.",
        BusinessDates.OutOfRangeCode => string.Create(CultureInfo.InvariantCulture,
            $"Choose a day from {BusinessDates.Earliest:yyyy-MM-dd} to {BusinessDates.Latest(Now):yyyy-MM-dd}."),
        _ => FormErrors.Readable(error),
    };

    /// <summary>
    /// The order the <see cref="Order"/> text names: its id, or the channel's own id of one order (within the chosen channel);
    /// an id that names no order, or several, is said beside the field.
    /// </summary>
    private async Task<Guid?> OrderIdAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Order))
            return null;
        if (Guid.TryParse(Order.Trim(), out var id))
            return id;
        var found = await orders.HandleAsync(new ListOrders(new OrderListRequest(
            new OrderFilter(ExternalOrderId: Order.Trim(), Channels: string.IsNullOrWhiteSpace(Channel) ? null : [Channel.Trim()]),
            OrderSortField.CapturedAt, true, 2, null, null)), cancellationToken);
        switch (found)
        {
            case { IsSuccess: true, Value.Items: [var only] }:
                return only.Id;
            case { IsSuccess: true, Value.Items.Count: > 1 }:
                ModelState.AddModelError(nameof(Order), "Orders of several channels carry that id; choose the channel too.");
                return null;
            default:
                ModelState.AddModelError(nameof(Order), "No order has that id.");
                return null;
        }
    }

    /// <summary>The page link's text: the sort key and id, as every keyset list of the admin writes its cursor.</summary>
    private static string Key(ReturnCursor cursor) => new OrderCursor(cursor.SortKey, cursor.Id).ToString();

    private ReturnCursor? Cursor(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (OrderCursor.Parse(text) is { } cursor)
            return new ReturnCursor(cursor.SortKey, cursor.Id);
        ModelState.AddModelError(field, "That page link is not one this page made; start again from the first page.");
        return null;
    }
}
