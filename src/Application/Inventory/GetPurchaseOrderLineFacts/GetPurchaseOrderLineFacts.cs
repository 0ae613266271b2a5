using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.GetPurchaseOrderLineFacts;

/// <summary>
/// What the purchase order page shows beside each line of <paramref name="Order"/>: the unit cost and whether its SKU needs
/// inspection, with the units of this order booked into quality hold so far.
/// </summary>
public sealed record GetPurchaseOrderLineFacts(PurchaseOrderView Order);

/// <summary>
/// One line's facts. A purchase order line carries no price of its own, so <see cref="UnitCost"/> is the SKU's cost in the
/// master data as it is now (null when the SKU is no longer kept). <see cref="InQualityHold"/> counts the units this order's
/// receipts moved into QualityHold (from the ledger read model, so a receipt shows once it is projected).
/// </summary>
public sealed record PurchaseOrderLineFacts(string Sku, Money? UnitCost, bool RequiresInspection, int InQualityHold)
{
    /// <summary>The line's inspection state as people read it.</summary>
    public string InspectionState(int receivedQuantity) => (RequiresInspection, InQualityHold, receivedQuantity) switch
    {
        (false, 0, _) => "Not required",
        (false, var held, _) => $"Not required now; {held} received into quality hold",
        (true, 0, 0) => "Required: receipts go to quality hold",
        (true, 0, _) => "Required (received before it was; nothing in quality hold)",
        (true, var held, _) => $"Required: {held} received into quality hold",
    };
}

internal sealed class GetPurchaseOrderLineFactsHandler(ISkuRepository skus, IInventoryRepository inventory, IInventoryLedgerReadModels ledger)
    : IQueryHandler<GetPurchaseOrderLineFacts, IReadOnlyList<PurchaseOrderLineFacts>>
{
    public async Task<Result<IReadOnlyList<PurchaseOrderLineFacts>>> HandleAsync(GetPurchaseOrderLineFacts query, CancellationToken cancellationToken)
    {
        var codes = query.Order.Lines.Select(l => SkuCode.Of(l.Sku)).Distinct().ToList();
        var kept = await skus.FindAsync(codes, cancellationToken);
        var inspected = await inventory.FindSkusRequiringInspectionAsync(codes, cancellationToken);
        var reference = PurchaseOrder.LedgerReference(query.Order.Id);
        var facts = new List<PurchaseOrderLineFacts>();
        foreach (var code in codes)
        {
            // A line's receipts are a handful of entries, so one page holds them all.
            var held = await ledger.ListAsync(new InventoryLedgerRequest(code.Value, query.Order.Location, [], null, null, new LedgerSlice(100),
                Bucket: StockBucket.QualityHold, Reference: reference), cancellationToken);
            var cost = kept.TryGetValue(code, out var sku) ? new Money(sku.CostMinor, Currency.Of(sku.PriceCurrency)) : (Money?)null;
            facts.Add(new PurchaseOrderLineFacts(code.Value, cost, inspected.Contains(code), held.Entries.Where(e => e.To == StockBucket.QualityHold).Sum(e => e.Quantity)));
        }
        return facts;
    }
}
