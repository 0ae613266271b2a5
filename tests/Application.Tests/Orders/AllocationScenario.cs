using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.SetSafetyStock;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Tests.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Orders;

/// <summary>
/// Orders on the real host against stock the test sets through the ledger's own commands; every scenario ends with
/// the ledger verified (<see cref="InventoryScenario"/>).
/// </summary>
public abstract class AllocationScenario : InventoryScenario
{
    public const string Berlin = "WH-BERLIN";
    public const string Rotterdam = "WH-ROTTERDAM";
    public const string Leeds = "WH-LEEDS";
    public static readonly string[] Warehouses = [Berlin, Rotterdam, Leeds];

    /// <summary>
    /// Gives <paramref name="sku"/> exactly the Available units named per warehouse (0 where not named) and no safety
    /// stock: surplus goes to Damaged, a shortfall comes in as a found-stock adjustment.
    /// </summary>
    protected async Task SetStockAsync(string sku, params (string Location, int Available)[] stock)
    {
        foreach (var location in Warehouses)
        {
            var wanted = stock.Where(s => s.Location == location).Sum(s => s.Available);
            var balance = await Host.WithDbAsync(db => db.Set<InventoryBalance>().AsNoTracking()
                .SingleOrDefaultAsync(b => b.Sku == SkuCode.Of(sku) && b.Location == LocationCode.Of(location)));
            var available = balance?.Available ?? 0;
            if (balance is { SafetyStock: > 0 })
                Succeeded(await SendAsync<SetSafetyStock, BalanceView>(new SetSafetyStock(Planner, sku, location, 0)));
            if (available > wanted)
                Succeeded(await SendAsync<MoveStock, BalanceView>(
                    new MoveStock(Actors.Warehouse, sku, location, StockBucket.Available, StockBucket.Damaged, available - wanted, "test stock")));
            if (available < wanted)
                await ReceiveAsync(sku, location, wanted - available);
        }
    }

    /// <summary>Stock arriving in Available (a found-stock adjustment, small enough to need no approval).</summary>
    protected async Task ReceiveAsync(string sku, string location, int quantity)
    {
        var adjusted = Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, quantity, ReasonCodes.Found)));
        Assert.Equal(AdjustmentStatus.Applied, adjusted.Status);
    }

    /// <summary>Captures the order and lets automation validate and allocate it.</summary>
    protected async Task<Order> CaptureAndAllocateAsync(OrderBuilder builder)
    {
        var id = await CaptureAsync(builder);
        await Host.DispatchOutboxAsync();
        return await Host.LoadAsync(id);
    }

    protected async Task<Guid> CaptureAsync(OrderBuilder builder) =>
        Succeeded(await SendAsync<CaptureOrder, CapturedOrder>(builder.BuildCommand())).OrderId;

    protected async Task<OrderCommandResult> OrderStepAsync<TCommand>(TCommand command) where TCommand : OrderCommand =>
        Succeeded(await SendAsync<TCommand, OrderCommandResult>(command));

    protected async Task<(int Available, int Reserved)> LevelsAsync(string sku, string location)
    {
        var balance = await BalanceAsync(sku, location);
        return (balance.Available, balance.Reserved);
    }

    /// <summary>Units reserved for the order per (SKU, location), net of releases, shipments and write-offs, from the ledger entries.</summary>
    protected Task<Dictionary<(string Sku, string Location), int>> ReservedForAsync(Guid orderId) => Host.WithDbAsync(async db =>
    {
        var reference = InventoryBalance.OrderReference(orderId);
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Reference == reference).ToListAsync();
        return entries
            .GroupBy(e => (e.Sku.Value, e.Location.Value))
            .Select(g => (g.Key, Units: g.Sum(e => e.To == StockBucket.Reserved ? e.Quantity : e.From == StockBucket.Reserved ? -e.Quantity : 0)))
            .Where(x => x.Units != 0)
            .ToDictionary(x => x.Key, x => x.Units);
    });

    /// <summary>What the order's open shipments hold, per (SKU, location): must equal what the ledger holds reserved for it.</summary>
    protected static Dictionary<(string Sku, string Location), int> OpenShipmentUnits(Order order) =>
        order.OpenShipments.SelectMany(s => s.Lines.Select(l => (Key: (l.Sku.Value, s.Location.Value), l.Quantity)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity));

    protected async Task AssertReservationsMatchShipmentsAsync(Order order) =>
        Assert.Equal(OpenShipmentUnits(order).OrderBy(kv => kv.Key), (await ReservedForAsync(order.Id.Value)).OrderBy(kv => kv.Key));
}
