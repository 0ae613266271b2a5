using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Returns;

/// <summary>
/// Customer service asks for units of a shipped order back (<c>/admin/returns/new?orderId=</c>): per shipped line the units, a
/// reason of the catalog, a comment and optionally an exchange; where the line shipped as the SKU ordered and a substitute, which
/// of them comes back. <see cref="RequestReturn"/> decides everything (window, reasons
/// the channel accepts, units already on other returns); the page only turns the rows the person filled into the command's lines.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.CustomerService}")]
public sealed partial class NewModel(IQueryHandler<GetOrder, OrderView?> getOrder, ICommandHandler<RequestReturn, ReturnCommandResult> request) : PageModel
{
    [FromQuery(Name = "orderId")]
    public Guid OrderId { get; set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public OrderView Order { get; private set; } = null!;

    /// <summary>The order's lines with a shipped unit: the only ones a return may name.</summary>
    public IReadOnlyList<OrderLineView> ShippedLines { get; private set; } = [];

    /// <summary>An amount in the order's currency, as the exchange's hint names the price a line was sold at.</summary>
    public string Money(long minor) => new Money(minor, Currency.Of(Order.Currency)).ToString();

    /// <summary>The SKUs a line's shipped units left as, with their units: the SKU ordered, a substitute, or both.</summary>
    public static IReadOnlyList<(string Sku, int Units)> ShippedSkusOf(OrderLineView line) =>
        [.. line.Allocations.Where(a => a.ShipmentStatus == ShipmentStatus.Shipped).GroupBy(a => a.Sku, (sku, parts) => (sku, parts.Sum(p => p.Quantity)))];

    public sealed class RequestInput
    {
        public List<LineInput> Lines { get; set; } = [];
    }

    public sealed class LineInput
    {
        public int Line { get; set; }

        [Display(Name = "Units to return")]
        public int? Quantity { get; set; }

        /// <summary>Which shipped SKU comes back; asked only where the line shipped as the SKU ordered and a substitute.</summary>
        [Display(Name = "SKU coming back")]
        public string? Sku { get; set; }

        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Customer's comment")]
        public string? Comment { get; set; }

        [Display(Name = "Exchange for SKU")]
        public string? ExchangeSku { get; set; }

        [Display(Name = "Exchange units")]
        public int? ExchangeQuantity { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input.Lines = [.. ShippedLines.Select(l => new LineInput { Line = l.LineNumber })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var drafts = new List<ReturnLineDraft>();
        var rows = new List<int>();
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var row = Input.Lines[i];
            if (row.Quantity is not { } units || units == 0)
                continue;
            if (string.IsNullOrWhiteSpace(row.Reason))
                ModelState.AddModelError(Field(i, nameof(LineInput.Reason)), "Choose why the units come back.");
            drafts.Add(new ReturnLineDraft(row.Line, units, row.Reason?.Trim() ?? "", NullIfEmpty(row.Comment), NullIfEmpty(row.ExchangeSku),
                string.IsNullOrWhiteSpace(row.ExchangeSku) ? 0 : row.ExchangeQuantity ?? units, NullIfEmpty(row.Sku)));
            rows.Add(i);
        }
        if (drafts.Count == 0 && ModelState.IsValid)
            ModelState.AddModelError(Input.Lines.Count > 0 ? Field(0, nameof(LineInput.Quantity)) : "", "Enter the units of at least one line.");
        if (ModelState.IsValid)
        {
            var result = await request.HandleAsync(new RequestReturn(User.ToActor(), OrderId, drafts), cancellationToken);
            if (result.IsSuccess)
            {
                TempData["StatusMessage"] = $"Return {result.Value.RmaNumber} is requested. It is {result.Value.Status}.";
                return RedirectToPage("./Details", new { id = result.Value.ReturnId });
            }
            ModelState.AddErrors(result.Errors, field => FieldOf(field, rows));
        }
        Input.Lines = [.. ShippedLines.Select(l => Input.Lines.FirstOrDefault(i => i.Line == l.LineNumber) ?? new LineInput { Line = l.LineNumber })];
        return Page();
    }

    private static string Field(int row, string column) => $"{nameof(Input)}.{nameof(RequestInput.Lines)}[{row}].{column}";

    /// <summary>The form field of a command error on <c>lines[i].x</c>: the row of the form that became the command's i-th line.</summary>
    private static string FieldOf(string? field, List<int> rows)
    {
        if (field is null || CommandLineField().Match(field) is not { Success: true } match)
            return "";
        var index = int.Parse(match.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (index >= rows.Count)
            return "";
        return match.Groups["name"].Value switch
        {
            "quantity" or "orderLineNumber" => Field(rows[index], nameof(LineInput.Quantity)),
            "sku" => Field(rows[index], nameof(LineInput.Sku)),
            "reasonCode" => Field(rows[index], nameof(LineInput.Reason)),
            "comment" => Field(rows[index], nameof(LineInput.Comment)),
            "exchangeSku" => Field(rows[index], nameof(LineInput.ExchangeSku)),
            "exchangeQuantity" => Field(rows[index], nameof(LineInput.ExchangeQuantity)),
            _ => "",
        };
    }

    [GeneratedRegex(@"^lines\[(?<i>\d{1,4})\]\.(?<name>\w+)$")]
    private static partial Regex CommandLineField();

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (OrderId == Guid.Empty || (await getOrder.HandleAsync(new GetOrder(OrderId), cancellationToken)).Value is not { } order
            || !User.ToActor().MayAccessChannel(order.Channel))
            return false;
        Order = order;
        ShippedLines = [.. order.Lines.Where(l => l.ShippedQuantity > 0)];
        return true;
    }
}
