using System.ComponentModel.DataAnnotations;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.GetSku;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.GetPurchaseOrder;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ListOrders;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Returns.ListReturns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages;

/// <summary>A record the search found: what it is, how people name it, and the page (by name) and key that open it.</summary>
public sealed record SearchMatch(string Kind, string Title, string Detail, DateTimeOffset? At, string Page, string RouteKey, string Key);

/// <summary>
/// The top bar's search: an order by id or by the channel's own order id (in every channel), a SKU by code, a purchase order by
/// id, a return by its RMA number (or a part of one that starts with "RMA-"), each through the read side's query handlers. One match opens its page; several are listed; none says so, the query kept.
/// Every signed-in person may search: the record pages decide what each role may see and do.
/// </summary>
public sealed class SearchModel(
    IQueryHandler<GetOrder, OrderView?> order,
    IQueryHandler<ListOrders, OrderPage> orders,
    IQueryHandler<GetSku, SkuView?> sku,
    IQueryHandler<GetPurchaseOrder, PurchaseOrderView?> purchaseOrder,
    IQueryHandler<ListReturns, ReturnPage> returns) : PageModel
{
    public const int QueryMaxLength = 100;

    /// <summary>At most this many orders share one external id in a list (one per channel in practice).</summary>
    public const int MaxOrders = 20;

    public const string OrderPage = "/Orders/Details";
    public const string SkuPage = "/MasterData/Skus/Details";
    public const string PurchaseOrderPage = "/Purchasing/Details";
    public const string ReturnPage = "/Returns/Details";

    /// <summary>How RMA numbers begin (<c>RMA-2026-000001</c>): a query that starts so lists the returns whose number contains it.</summary>
    private const string RmaPrefix = "RMA-";

    [BindProperty(SupportsGet = true)]
    [StringLength(QueryMaxLength, ErrorMessage = "Search for at most {1} characters: an order id, an external order id, a SKU code, a purchase order id or an RMA number.")]
    [Display(Name = "Search for")]
    public string? Q { get; set; }

    public IReadOnlyList<SearchMatch> Matches { get; private set; } = [];

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["SearchQuery"] = Q;
        if (string.IsNullOrWhiteSpace(Q) || !ModelState.IsValid)
            return Page();

        Searched = true;
        Matches = await FindAsync(Q.Trim(), cancellationToken);
        return Matches is [var only] ? Redirect(LinkTo(only)) : Page();
    }

    /// <summary>The address of a match's page: the record pages take their key as a route value.</summary>
    public string LinkTo(SearchMatch match) =>
        Url.Page(match.Page, new Dictionary<string, object?> { ["area"] = "Admin", [match.RouteKey] = match.Key })
        ?? throw new InvalidOperationException($"No admin page {match.Page} takes the route value {match.RouteKey}.");

    private async Task<IReadOnlyList<SearchMatch>> FindAsync(string query, CancellationToken cancellationToken)
    {
        // Each kind is looked up only for people its pages admit (the same role lists their [Authorize] states), so a match
        // never shows a summary the person could not open.
        var mayReadOrders = MayRead(Orders.IndexModel.Readers);
        var mayReadPurchaseOrders = MayRead(Purchasing.PurchasingRoles.Read);
        var matches = new List<SearchMatch>();
        if (Guid.TryParse(query, out var id))
        {
            if (mayReadOrders && (await order.HandleAsync(new GetOrder(id), cancellationToken)).Value is { } found)
                matches.Add(Of(found.Id, found.ExternalOrderId, found.Channel, found.Status.ToString(), found.TotalMinor, found.Currency, found.CapturedAt));
            if (mayReadPurchaseOrders && (await purchaseOrder.HandleAsync(new GetPurchaseOrder(id), cancellationToken)).Value is { } po)
                matches.Add(new SearchMatch("Purchase order", $"Purchase order from {po.Supplier}",
                    $"{po.Status} · to {po.Location} · {po.Lines.Count} line(s)", po.CreatedAt, PurchaseOrderPage, "id", po.Id.ToString()));
        }

        if (mayReadOrders && await orders.HandleAsync(
            new ListOrders(new OrderListRequest(new OrderFilter(ExternalOrderId: query), OrderSortField.CapturedAt, true, MaxOrders, null, null)),
            cancellationToken) is { IsSuccess: true } byExternalId)
            matches.AddRange(byExternalId.Value.Items
                .Where(o => matches.All(m => m.Key != o.Id.ToString()))
                .Select(o => Of(o.Id, o.ExternalOrderId, o.Channel, o.Status.ToString(), o.TotalMinor, o.Currency, o.CapturedAt)));

        if (MayRead(Returns.ReturnPageRoles.Readers) && query.Length <= Domain.Returns.Return.RmaNumberMaxLength && await returns.HandleAsync(
            new ListReturns(new ReturnListRequest(new ReturnFilter(RmaText: query), ReturnSortField.Rma, false, MaxOrders, null)), cancellationToken)
            is { IsSuccess: true } byRma)
            matches.AddRange(byRma.Value.Items
                .Where(r => query.StartsWith(RmaPrefix, StringComparison.OrdinalIgnoreCase) || string.Equals(r.RmaNumber, query, StringComparison.OrdinalIgnoreCase))
                .Select(r => new SearchMatch("Return", $"Return {r.RmaNumber}",
                    $"{r.Channel} · {r.Status} · order {r.ExternalOrderId ?? r.OrderId.ToString()} · {Money(r.ValueMinor, r.Currency)} · requested",
                    r.RequestedAt, ReturnPage, "id", r.ReturnId.ToString())));

        // A query that is no well-formed SKU code is simply no SKU here (the order and purchase order lookups had their turn).
        if (MayRead(MasterData.Skus.SkuAccess.Read) && await sku.HandleAsync(new GetSku(query), cancellationToken) is { IsSuccess: true, Value: { } item })
            matches.Add(new SearchMatch("SKU", $"SKU {item.Code}", $"{item.Name} · {Money(item.PriceMinor, item.Currency)}{(item.IsActive ? "" : " · inactive")}",
                null, SkuPage, "code", item.Code));
        return matches;
    }

    private bool MayRead(string roles) => roles.Split(',').Any(User.IsInRole);

    private static SearchMatch Of(Guid id, string externalOrderId, string channel, string status, long totalMinor, string currency, DateTimeOffset capturedAt) =>
        new SearchMatch("Order", $"Order {externalOrderId}", $"{channel} · {status} · {Money(totalMinor, currency)} · captured", capturedAt, OrderPage, "id", id.ToString());

    private static string Money(long minor, string currency) => new Domain.Common.Money(minor, Domain.Common.Currency.Of(currency)).ToString();
}
