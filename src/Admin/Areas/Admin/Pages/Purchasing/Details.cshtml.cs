using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.CancelPurchaseOrder;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Application.Inventory.GetPurchaseOrder;
using EcomErp.Application.Inventory.GetPurchaseOrderLineFacts;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Purchasing;

/// <summary>
/// One purchase order: its lines (ordered, received, expected on), when each step happened, each line's SKU available to
/// promise per channel (so a receipt's effect shows), and the steps the person's roles allow: confirm, receive within the
/// tolerance (units that need inspection go to quality hold), cancel after a confirm step. Beside each line: its unit cost and
/// whether its SKU needs inspection, with the units of this order in quality hold (<see cref="GetPurchaseOrderLineFacts"/>).
/// </summary>
[Authorize(Roles = PurchasingRoles.Read)]
public sealed class DetailsModel(
    IQueryHandler<GetPurchaseOrder, PurchaseOrderView?> get,
    IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels,
    IQueryHandler<GetAvailableToPromise, AvailableToPromiseView> availability,
    IQueryHandler<GetPurchaseOrderLineFacts, IReadOnlyList<PurchaseOrderLineFacts>> lineFacts,
    ICommandHandler<ConfirmPurchaseOrder, PurchaseOrderView> confirm,
    ICommandHandler<ReceivePurchaseOrder, PurchaseOrderView> receive,
    ICommandHandler<CancelPurchaseOrder, PurchaseOrderView> cancel) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Units counted in per line, in line order.</summary>
    [BindProperty]
    public ReceiptInput Receipt { get; set; } = new();

    [BindProperty]
    public CancelInput Cancellation { get; set; } = new();

    /// <summary>The ETA the supplier confirmed per line, in line order; a line left at its drafted date keeps it.</summary>
    [BindProperty]
    public ConfirmationInput Confirmation { get; set; } = new();

    public PurchaseOrderView Order { get; private set; } = null!;

    /// <summary>Per SKU of the order, its available to promise in each channel (channel code → units).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> AvailableToPromise { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, int>>();

    public IReadOnlyList<string> Channels { get; private set; } = [];

    /// <summary>Per SKU of the order, its unit cost and inspection marks.</summary>
    public IReadOnlyDictionary<string, PurchaseOrderLineFacts> LineFacts { get; private set; } = new Dictionary<string, PurchaseOrderLineFacts>();

    public bool MayPlan => PurchasingRoles.Plan.Any(User.IsInRole);

    public bool MayReceive => PurchasingRoles.Receive.Any(User.IsInRole);

    public sealed class ReceiptInput
    {
        public List<int?> Quantities { get; set; } = [];
    }

    public sealed class ConfirmationInput
    {
        public List<DateOnly?> ExpectedOn { get; set; } = [];
    }

    public sealed class CancelInput
    {
        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Yes, cancel this purchase order")]
        public bool Confirmed { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!MayPlan)
            return Forbid();
        ModelState.KeepOnly(nameof(Confirmation));
        // The rows map the form to the order's lines; the figures beside them are read only when the page is shown again.
        if (!await LoadOrderAsync(cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return await ShowAgainAsync(cancellationToken);
        // Only the dates the supplier moved go to the command; each keeps its row, so a refusal lands beside it.
        var rows = Order.Lines.Select((line, row) => (line, row, on: Confirmation.ExpectedOn.ElementAtOrDefault(row)))
            .Where(r => r.on is { } on && on != r.line.ExpectedOn).ToList();
        var result = await confirm.HandleAsync(
            new ConfirmPurchaseOrder(User.ToActor(), Id, [.. rows.Select(r => new ConfirmPurchaseOrderLine(r.line.Sku, r.on!.Value))]), cancellationToken);
        return await DoneAsync(result, "is confirmed: its lines are inbound with their ETAs",
            field => LineField(field, nameof(Confirmation), nameof(ConfirmationInput.ExpectedOn), [.. rows.Select(r => r.row)]), cancellationToken);
    }

    public async Task<IActionResult> OnPostReceiveAsync(CancellationToken cancellationToken)
    {
        if (!MayReceive)
            return Forbid();
        ModelState.KeepOnly(nameof(Receipt));
        // The rows map the form to the order's lines; the figures beside them are read only when the page is shown again.
        if (!await LoadOrderAsync(cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return await ShowAgainAsync(cancellationToken);
        // Lines left empty or at 0 are not part of this receipt; each receipt line keeps its row, so a refusal lands beside it.
        var rows = Order.Lines.Select((line, row) => (line, row, quantity: Receipt.Quantities.ElementAtOrDefault(row) ?? 0))
            .Where(r => r.quantity != 0).ToList();
        if (rows.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Receipt)}.{nameof(ReceiptInput.Quantities)}", "Enter the units counted in on at least one line.");
            return await ShowAgainAsync(cancellationToken);
        }
        var result = await receive.HandleAsync(new ReceivePurchaseOrder(User.ToActor(), Id, [.. rows.Select(r => new ReceivedLine(r.line.Sku, r.quantity))]),
            cancellationToken);
        return await DoneAsync(result, "has its receipt booked",
            field => LineField(field, nameof(Receipt), nameof(ReceiptInput.Quantities), [.. rows.Select(r => r.row)]), cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (!MayPlan)
            return Forbid();
        ModelState.KeepOnly(nameof(Cancellation));
        if (!Cancellation.Confirmed)
        {
            ModelState.AddModelError($"{nameof(Cancellation)}.{nameof(CancelInput.Confirmed)}", "Tick the box to confirm: cancelling takes its inbound units off the ledger.");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        var result = await cancel.HandleAsync(new CancelPurchaseOrder(User.ToActor(), Id, Cancellation.Reason ?? ""), cancellationToken);
        return await DoneAsync(result, "is cancelled",
            field => field == "reason" ? $"{nameof(Cancellation)}.{nameof(CancelInput.Reason)}" : string.Empty, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Result<PurchaseOrderView> result, string done, Func<string?, string> fieldOf, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            StatusMessage = $"Purchase order {result.Value.Id} {done}.";
            return RedirectToPage(new { id = Id });
        }
        ModelState.AddErrors(result.Errors, fieldOf);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The form field of the page row behind a command's "lines[i]…" field (the command carries only some rows).</summary>
    private static string LineField(string? field, string form, string list, List<int> rows) =>
        field is not null && field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']') is > 6 and var close
            && int.TryParse(field[6..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rows.Count
            ? $"{form}.{list}[{rows[index]}]"
            : string.Empty;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadOrderAsync(cancellationToken))
            return false;
        await LoadAvailabilityAsync(cancellationToken);
        return true;
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        await LoadAvailabilityAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadOrderAsync(CancellationToken cancellationToken)
    {
        if ((await get.HandleAsync(new GetPurchaseOrder(Id), cancellationToken)) is not { IsSuccess: true, Value: { } order })
            return false;
        Order = order;
        return true;
    }

    /// <summary>Each line's SKU available to promise per channel, for the page as shown.</summary>
    private async Task LoadAvailabilityAsync(CancellationToken cancellationToken)
    {
        Channels = [.. (await channels.HandleAsync(new ListChannels(null), cancellationToken)).Value.Select(c => c.Code)];
        var skus = Order.Lines.Select(l => new AvailabilityRequest(l.Sku)).ToList();
        var atp = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var channel in Channels)
        {
            var answer = await availability.HandleAsync(new GetAvailableToPromise(channel, skus), cancellationToken);
            if (answer.IsFailure)
                continue;
            foreach (var sku in answer.Value.Skus.Where(s => s.IsSuccess).Select(s => s.Value))
                (atp.TryGetValue(sku.Sku, out var perChannel) ? perChannel : atp[sku.Sku] = new(StringComparer.Ordinal))[channel] = sku.AvailableToPromise;
        }
        AvailableToPromise = atp.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal);
        LineFacts = (await lineFacts.HandleAsync(new GetPurchaseOrderLineFacts(Order), cancellationToken)).Value.ToDictionary(f => f.Sku, StringComparer.Ordinal);
    }
}
