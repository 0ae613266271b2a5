using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.UpdateSku;
using EcomErp.Application.Finance.ReconcileInventory;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Tests.Orders;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Finance;

/// <summary>The inventory valuation as of a past time: that time's units at that time's cost, beside the journal of that time.</summary>
public sealed class InventoryValuationAsOfTests : AllocationScenario
{
    private const string Polo = "POLO-PIQUE-M-NVY";

    private async Task<InventoryReconciliation> ValuationAsync(DateTimeOffset? asOf = null) =>
        (await Host.QueryAsync<ReconcileInventory, InventoryReconciliation>(new ReconcileInventory(asOf))).Value;

    [Fact]
    public async Task AsOfAPastDay_ValuesThatDaysUnits_AtThatDaysCost_AndReconcilesWithTheJournalOfThatDay()
    {
        var sku = await Host.WithDbAsync(db => db.Skus.AsNoTracking().SingleAsync(s => s.Code == SkuCode.Of(Polo)));
        var unitsAtStart = (await ValuationAsync()).Skus.Single(s => s.Sku == Polo).ValuedUnits;

        // Day one: five units found. Day two: the cost rises by 0.75 and three more units are found.
        Host.Time.Advance(TimeSpan.FromDays(1));
        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, 5, ReasonCodes.Found)));
        var endOfDayOne = Host.Time.GetUtcNow().AddHours(12);
        Host.Time.Advance(TimeSpan.FromDays(1));
        Succeeded(await SendAsync<UpdateSku, SkuDetailsView>(new UpdateSku(Planner, Polo, sku.Name, sku.Style, sku.Size, sku.Colour,
            sku.PriceMinor / 100m, (sku.CostMinor + 75) / 100m, sku.WeightGrams, sku.IsCritical)));
        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, 3, ReasonCodes.Found)));

        var dayOne = await ValuationAsync(endOfDayOne);
        var today = await ValuationAsync();

        var poloThen = dayOne.Skus.Single(s => s.Sku == Polo);
        Assert.Equal((unitsAtStart + 5, sku.CostMinor), (poloThen.ValuedUnits, poloThen.UnitCostMinor));
        Assert.Equal((unitsAtStart + 5) * sku.CostMinor, poloThen.JournalValueMinor);
        Assert.True(dayOne.Holds, $"As of day one: {string.Join("; ", dayOne.Mismatches)}");
        var poloNow = today.Skus.Single(s => s.Sku == Polo);
        Assert.Equal((unitsAtStart + 8, sku.CostMinor + 75), (poloNow.ValuedUnits, poloNow.UnitCostMinor));
        Assert.Equal((unitsAtStart + 8) * (sku.CostMinor + 75), poloNow.JournalValueMinor);
        Assert.True(today.Holds, $"Now: {string.Join("; ", today.Mismatches)}");
        Assert.NotEqual(dayOne.ValueByCurrency[poloThen.Currency], today.ValueByCurrency[poloNow.Currency]);
        // As of now, the ledger's history says what the balances say.
        Assert.Equal(today.Skus, (await ValuationAsync(Host.Time.GetUtcNow())).Skus);
    }
}
