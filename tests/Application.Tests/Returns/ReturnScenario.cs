using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Application.Tests.Orders;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Returns;

/// <summary>
/// Returns of orders shipped on the real host through the order workflow's own commands; every scenario ends with the
/// ledger verified (<see cref="Inventory.InventoryScenario"/>).
/// </summary>
public abstract class ReturnScenario : AllocationScenario
{
    protected const string Tee = "TEE-CREW-M-BLK";
    protected const string Hoodie = "HOODIE-ZIP-S-OLV";

    /// <summary>Captures the order, ships it from Berlin (stock set for it) and lets automation invoice it.</summary>
    protected async Task<Order> ShippedOrderAsync(OrderBuilder builder, params (string Sku, int Quantity)[] stock)
    {
        foreach (var (sku, quantity) in stock)
            await SetStockAsync(sku, (Berlin, quantity));
        return await ShipAsync((await CaptureAndAllocateAsync(builder)).Id.Value);
    }

    /// <summary>Releases, picks, packs and ships the allocated order (in one shipment) and lets automation invoice it.</summary>
    protected async Task<Order> ShipAsync(Guid orderId)
    {
        await OrderStepAsync(new ReleaseOrder(orderId, Actors.Operations));
        await OrderStepAsync(new StartPicking(orderId, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPick(orderId, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPack(orderId, Actors.Warehouse, 1));
        await OrderStepAsync(new ConfirmShipment(orderId, Actors.Warehouse, "DHL", "JD0146000012345"));
        await Host.DispatchOutboxAsync();
        return await Host.LoadAsync(orderId);
    }

    protected async Task<ReturnCommandResult> RequestAsync(Guid orderId, params ReturnLineDraft[] lines) =>
        Succeeded(await SendAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, orderId, lines)));

    protected async Task<ReturnCommandResult> StepAsync<TCommand>(TCommand command) where TCommand : ReturnCommand =>
        Succeeded(await SendAsync<TCommand, ReturnCommandResult>(command));

    /// <summary>The ledger entries that name the return, in the order they were written.</summary>
    protected async Task<List<LedgerEntry>> ReturnEntriesAsync(string rmaNumber)
    {
        var entries = await Host.WithDbAsync(db => db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Reference == Return.ReferenceOf(rmaNumber)).ToListAsync());
        return [.. entries.OrderBy(e => e.At.UtcTicks).ThenBy(e => e.Sku.Value).ThenBy(e => e.Number)];
    }

    protected async Task<StockLevels> LevelsOfAsync(string sku, string location = Berlin) => (await BalanceAsync(sku, location)).Levels;
}
