using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.GetSku;
using EcomErp.Application.Catalog.ListLocations;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.GetBackorderedDemand;
using EcomErp.Application.Inventory.GetInventoryPosition;
using EcomErp.Application.Inventory.ListInventoryLedger;
using EcomErp.Application.Inventory.ListTransfers;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Application.Inventory.SetSafetyStock;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// One SKU's stock: buckets and safety stock per location, what each channel can promise, inbound with ETAs, committed demand,
/// the latest ledger entries; and the forms of the people who change it (moves, adjustments, cycle counts for the warehouse,
/// safety stock for planners), each through its ledger command. Read from the position and ledger read models, which follow
/// a command within moments of its commit.
/// </summary>
[Authorize(Roles = InventoryAccess.Readers)]
public sealed class PositionModel(
    IQueryHandler<GetInventoryPosition, InventoryPositionView?> position,
    IQueryHandler<GetSku, SkuView?> catalog,
    IQueryHandler<ListLocations, IReadOnlyList<LocationView>> locations,
    IQueryHandler<ListInventoryLedger, InventoryLedgerPage> ledger,
    IQueryHandler<GetBackorderedDemand, BackorderedDemandView> backorders,
    IQueryHandler<ListTransfers, DocumentPage<TransferView>> transfers,
    ICommandHandler<MoveStock, BalanceView> move,
    ICommandHandler<AdjustStock, AdjustmentView> adjust,
    ICommandHandler<RecordCycleCount, CycleCountResult> count,
    ICommandHandler<SetSafetyStock, BalanceView> safety) : PageModel
{
    public const int RecentEntries = 10;

    /// <summary>Backordered lines and transfers on the way listed on the page; the lists link to the rest.</summary>
    public const int ListedDocuments = 20;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromRoute]
    public string Sku { get; set; } = "";

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public AdjustInput Adjust { get; set; } = new();

    [BindProperty]
    public CountInput Count { get; set; } = new();

    [BindProperty]
    public SafetyStockInput Safety { get; set; } = new();

    public InventoryPositionView? Position { get; private set; }

    public SkuView? Details { get; private set; }

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public IReadOnlyList<InventoryLedgerEntryView> Entries { get; private set; } = [];

    /// <summary>What open orders wait for of this SKU (committed demand not yet reserved).</summary>
    public BackorderedDemandView? Backorders { get; private set; }

    /// <summary>Transfers of this SKU still on the way, with their expected arrivals.</summary>
    public IReadOnlyList<TransferView> InTransit { get; private set; } = [];

    public int InTransitCount { get; private set; }

    public bool MayHandleStock => User.MayHandleStock();

    public bool MaySetSafetyStock => User.MaySetSafetyStock();

    public sealed class MoveInput
    {
        [Display(Name = "Location")]
        public string? Location { get; set; }

        [Display(Name = "From bucket")]
        public StockBucket? From { get; set; }

        [Display(Name = "To bucket")]
        public StockBucket? To { get; set; }

        [Display(Name = "Units")]
        public int? Quantity { get; set; }

        [Display(Name = "Reason or reference")]
        public string? Reference { get; set; }
    }

    public sealed class AdjustInput
    {
        [Display(Name = "Location")]
        public string? Location { get; set; }

        [Display(Name = "Change in units (+ found, − lost)")]
        public int? QuantityChange { get; set; }

        [Display(Name = "Reason")]
        public string? ReasonCode { get; set; }

        [Display(Name = "Note")]
        public string? Note { get; set; }
    }

    public sealed class CountInput
    {
        [Display(Name = "Location")]
        public string? Location { get; set; }

        [Display(Name = "Units counted (on hand)")]
        public int? CountedQuantity { get; set; }
    }

    public sealed class SafetyStockInput
    {
        public string? Location { get; set; }

        [Display(Name = "Safety stock")]
        public int? SafetyStock { get; set; }
    }

    /// <summary>The buckets a person moves stock between by hand (reservations, transit, inbound and returns belong to their flows).</summary>
    public static IReadOnlyList<StockBucket> MovableBuckets { get; } = [StockBucket.Available, StockBucket.QualityHold, StockBucket.Damaged];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Details is null && Position is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        if (!MayHandleStock)
            return Forbid();
        ModelState.KeepOnly(nameof(Move));
        if (ModelState.IsValid)
        {
            Require(Move.Quantity, nameof(Move), nameof(MoveInput.Quantity), "Say how many units move.");
            Require(Move.From, nameof(Move), nameof(MoveInput.From), "Choose the bucket the units leave.");
            Require(Move.To, nameof(Move), nameof(MoveInput.To), "Choose the bucket the units go to.");
        }
        if (ModelState.IsValid)
        {
            var result = await move.HandleAsync(new MoveStock(User.ToActor(), Sku, Move.Location ?? "", Move.From!.Value, Move.To!.Value, Move.Quantity!.Value,
                Move.Reference), cancellationToken);
            if (result.IsSuccess)
                return Done($"{Move.Quantity} moved from {Move.From} to {Move.To} at {result.Value.Location}.");
            ModelState.AddErrors(result.Errors, field => FieldOf(nameof(Move), field));
        }
        return await ReshowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAdjustAsync(CancellationToken cancellationToken)
    {
        if (!MayHandleStock)
            return Forbid();
        ModelState.KeepOnly(nameof(Adjust));
        if (ModelState.IsValid)
            Require(Adjust.QuantityChange, nameof(Adjust), nameof(AdjustInput.QuantityChange), "Say by how many units the stock changes.");
        if (ModelState.IsValid)
        {
            var result = await adjust.HandleAsync(new AdjustStock(User.ToActor(), Sku, Adjust.Location ?? "", Adjust.QuantityChange!.Value,
                Adjust.ReasonCode ?? "", Adjust.Note), cancellationToken);
            if (result.IsSuccess)
                return Done(Adjusted(result.Value));
            ModelState.AddErrors(result.Errors, field => FieldOf(nameof(Adjust), field));
        }
        return await ReshowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCountAsync(CancellationToken cancellationToken)
    {
        if (!MayHandleStock)
            return Forbid();
        ModelState.KeepOnly(nameof(Count));
        if (ModelState.IsValid)
            Require(Count.CountedQuantity, nameof(Count), nameof(CountInput.CountedQuantity), "Say how many units were counted.");
        if (ModelState.IsValid)
        {
            var result = await count.HandleAsync(new RecordCycleCount(User.ToActor(), Sku, Count.Location ?? "", Count.CountedQuantity!.Value), cancellationToken);
            if (result.IsSuccess)
                return Done(Counted(result.Value));
            ModelState.AddErrors(result.Errors, field => FieldOf(nameof(Count), field));
        }
        return await ReshowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSafetyStockAsync(CancellationToken cancellationToken)
    {
        if (!MaySetSafetyStock)
            return Forbid();
        ModelState.KeepOnly(nameof(Safety));
        if (ModelState.IsValid)
            Require(Safety.SafetyStock, nameof(Safety), nameof(SafetyStockInput.SafetyStock), "Say how many units to keep back.");
        if (ModelState.IsValid)
        {
            var result = await safety.HandleAsync(new SetSafetyStock(User.ToActor(), Sku, Safety.Location ?? "", Safety.SafetyStock!.Value), cancellationToken);
            if (result.IsSuccess)
                return Done($"Safety stock at {result.Value.Location} is now {result.Value.SafetyStock}.");
            ModelState.AddErrors(result.Errors, field => FieldOf(nameof(Safety), field));
        }
        return await ReshowAsync(cancellationToken);
    }

    /// <summary>
    /// What the person reads after an adjustment: applied at once, or waiting for a second person because it took what was
    /// adjusted there within the approval period, itself included, above the threshold (decision 071).
    /// </summary>
    public static string Adjusted(AdjustmentView adjustment) => adjustment.Status == AdjustmentStatus.PendingApproval
        ? $"The adjustment of {adjustment.QuantityChange:+#;-#} ({adjustment.ReasonCode}), with what was adjusted of {adjustment.Sku} at {adjustment.Location} "
            + "within the approval period, is over the approval threshold: it waits for an operations manager to approve it, and no stock moved yet."
        : $"The adjustment of {adjustment.QuantityChange:+#;-#} ({adjustment.ReasonCode}) is applied at {adjustment.Location}.";

    /// <summary>What the count forms tell the counter to count (decision 091).</summary>
    public const string CountHint = "Count every unit of the SKU at the location that has not shipped: free on the shelves, reserved or picked "
        + "for orders, on quality hold, damaged, and returns waiting for inspection. Stock still in transit to it is not there yet. "
        + "A count that differs from the ledger books a count correction of Available; above the approval threshold it waits for an operations manager.";

    /// <summary>What the person reads after a count: matched, corrected (at once or waiting), and what no correction took.</summary>
    public static string Counted(CycleCountResult count)
    {
        var recorded = $"Count of {count.Balance.Sku} at {count.Balance.Location} recorded";
        var outcome = count.Adjustment is { } correction ? $"{recorded}. {Adjusted(correction)}"
            : count.UnsettledQuantity == 0 ? $"{recorded}: it matches the {count.BookQuantity} unit{(count.BookQuantity == 1 ? "" : "s")} on hand."
            : $"{recorded}.";
        return count.UnsettledQuantity == 0 ? outcome
            : $"{outcome} {count.UnsettledQuantity} missing unit{(count.UnsettledQuantity == 1 ? " was" : "s were")} not in Available (reserved or picked for orders, "
                + "held, damaged or awaiting inspection): no correction takes them, they stay on the book, and an order's pick records its own short.";
    }

    private void Require<T>(T? value, string form, string property, string message) where T : struct
    {
        if (value is null)
            ModelState.AddModelError($"{form}.{property}", message);
    }

    private RedirectToPageResult Done(string message)
    {
        StatusMessage = message;
        return RedirectToPage(new { sku = Sku });
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The form field of a command's error field; the SKU comes from the page, so its errors (and the rest) go above the form.</summary>
    private static string FieldOf(string form, string? field) => field switch
    {
        "location" => $"{form}.Location",
        "from" => $"{form}.{nameof(MoveInput.From)}",
        "to" => $"{form}.{nameof(MoveInput.To)}",
        "quantity" => $"{form}.{nameof(MoveInput.Quantity)}",
        "reference" => $"{form}.{nameof(MoveInput.Reference)}",
        "quantityChange" => $"{form}.{nameof(AdjustInput.QuantityChange)}",
        "reasonCode" => $"{form}.{nameof(AdjustInput.ReasonCode)}",
        "note" => $"{form}.{nameof(AdjustInput.Note)}",
        "countedQuantity" => $"{form}.{nameof(CountInput.CountedQuantity)}",
        "safetyStock" => $"{form}.{nameof(SafetyStockInput.SafetyStock)}",
        _ => form,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await catalog.HandleAsync(new GetSku(Sku), cancellationToken) is { IsSuccess: true } found)
            Details = found.Value;
        Position = (await position.HandleAsync(new GetInventoryPosition(Sku), cancellationToken)).Value;
        Locations = [.. (await locations.HandleAsync(new ListLocations(null), cancellationToken)).Value.Select(l => l.Code)];
        if (Position is not null
            && await ledger.HandleAsync(new ListInventoryLedger(Position.Sku, null, new InventoryLedgerFilter(), new LedgerSlice(RecentEntries)), cancellationToken)
                is { IsSuccess: true } page)
            Entries = page.Value.Entries;
        if (await backorders.HandleAsync(new GetBackorderedDemand(Sku, ListedDocuments), cancellationToken) is { IsSuccess: true } waiting)
            Backorders = waiting.Value;
        if (await transfers.HandleAsync(new ListTransfers(TransferStatus.InTransit, 1, ListedDocuments, Sku), cancellationToken) is { IsSuccess: true } moving)
            (InTransit, InTransitCount) = (moving.Value.Items, moving.Value.TotalCount);
    }
}
