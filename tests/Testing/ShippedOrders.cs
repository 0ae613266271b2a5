using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;

namespace EcomErp.Testing;

/// <summary>Orders taken through the workflow's own commands until they have shipped: what a return needs before it can be asked for.</summary>
public static class ShippedOrders
{
    /// <summary>Captures the order (the automation allocates it), releases, picks, packs and ships it, each step by the role that owns it.</summary>
    public static async Task<Guid> ShipAsync(this EcomErpHostFactory host, OrderBuilder order)
    {
        var captured = await host.SendAsync<CaptureOrder, CapturedOrder>(order.BuildCommand());
        if (captured.IsFailure)
            throw new InvalidOperationException($"The order was not captured: {string.Join("; ", captured.Errors)}");
        var id = captured.Value.OrderId;
        await StepAsync(host, new ReleaseOrder(id, Actors.Operations));
        await StepAsync(host, new StartPicking(id, Actors.Warehouse));
        await StepAsync(host, new ConfirmPick(id, Actors.Warehouse));
        await StepAsync(host, new ConfirmPack(id, Actors.Warehouse, 1));
        await StepAsync(host, new ConfirmShipment(id, Actors.Warehouse, "DHL", "JD0146000012345"));
        return id;
    }

    private static async Task StepAsync<TCommand>(EcomErpHostFactory host, TCommand command)
    {
        var result = await host.SendAsync<TCommand, OrderCommandResult>(command);
        if (result.IsFailure)
            throw new InvalidOperationException($"{typeof(TCommand).Name} was refused: {string.Join("; ", result.Errors)}");
    }
}
