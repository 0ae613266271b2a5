using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.AllocateOrder;
using EcomErp.Application.Orders.CancelOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.CompleteOrder;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.InvoiceOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Application.Orders.ValidateOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Api.Hosting;

/// <summary>
/// For the embedded demo only: orders in every state of the workflow across the demo channels, so the admin's first look shows a
/// working business (next to <see cref="DemoExceptionOrders"/>, whose orders stand in Captured and Validated on their holds).
/// Each is captured through the real <see cref="CaptureOrder"/> (some a few days ago, with <see cref="DemoHistoryClock"/>, so
/// they are overdue) and then driven step by step through the real commands to its state, each step by the role that owns it.
/// <para>
/// The worker's automation validates, allocates and invoices the same orders meanwhile. So every step is chosen from the order's
/// state as it is now, read afresh: a step the automation took first is not taken twice, and the drive goes on from where the
/// order stands. Capture is idempotent on (channel, external id): a restart finds the orders and drives nothing again. A demo
/// order that cannot reach its state (the stock was changed, say) is logged and left where it stands; the host still starts.
/// </para>
/// </summary>
internal sealed partial class DemoOrders(IServiceProvider services, TimeProvider clock, ILogger<DemoOrders> logger)
{
    internal static readonly Actor Operations = new("user:demo-operations", "Demo operations", [Roles.OperationsManager]);
    internal static readonly Actor Warehouse = new("user:demo-warehouse", "Demo warehouse", [Roles.WarehouseManager]);
    internal static readonly Actor Finance = new("user:demo-finance", "Demo finance", [Roles.Finance]);
    internal static readonly Actor CustomerService = new("user:demo-service", "Demo customer service", [Roles.CustomerService]);

    /// <summary>An order of the demo, the state it is driven to, and a hold placed once it stands there.</summary>
    private sealed record DemoOrder(CaptureOrder Capture, OrderStatus Target, TimeSpan CapturedAgo, (HoldType Type, string Reason)? Hold = null);

    private static readonly DemoOrder[] Orders =
    [
        Demo("WEB", "DEMO-1001", OrderStatus.Allocated, "TEE-CREW-L-WHT", 2, 25m, "Jonas Weber", ago: TimeSpan.FromDays(3)),
        Demo("MKT-AMAZON", "DEMO-1002", OrderStatus.Allocated, "POLO-PIQUE-M-NVY", 1, 45m, "Marie Dubois"),
        Demo("MKT-ZALANDO", "DEMO-1003", OrderStatus.Released, "HOODIE-ZIP-S-GRY", 1, 79m, "Lukas Novak"),
        Demo("WEB", "DEMO-1004", OrderStatus.Picking, "JEANS-SLIM-L-NVY", 1, 89m, "Sofia Rossi", ago: TimeSpan.FromDays(4)),
        Demo("WHOLESALE", "DEMO-1005", OrderStatus.Packed, "CHINO-REG-M-OLV", 24, 35m, "Boutique Nord"),
        // More than one warehouse holds: split across two, one of them gone already.
        Demo("WEB", "DEMO-1006", OrderStatus.PartiallyShipped, "CHINO-REG-M-BLK", 100, 10m, "Emma Jansen"),
        Demo("WEB", "DEMO-1007", OrderStatus.Shipped, "TEE-CREW-M-BLK", 3, 25m, "Paul Becker",
            hold: (HoldType.Manual, "The customer disputes the delivery: keep the invoice until the carrier answers.")),
        Demo("MKT-AMAZON", "DEMO-1008", OrderStatus.Invoiced, "TEE-CREW-L-WHT", 4, 25m, "Nora Lindqvist", ago: TimeSpan.FromDays(2)),
        Demo("WEB", "DEMO-1009", OrderStatus.Completed, "POLO-PIQUE-M-NVY", 2, 45m, "Tom Walsh", ago: TimeSpan.FromDays(5)),
        Demo("MKT-ZALANDO", "DEMO-1010", OrderStatus.Cancelled, "HOODIE-ZIP-S-GRY", 1, 79m, "Ines Costa"),
        // A reseller's bulk buy: more grey sweatshirts than all three warehouses hold, so the rest waits; and since it takes every unit
        // the web shop may, the wholesale order after it waits for all of its own. (Not a bestseller: those stay deep for the load driver.)
        Demo("WEB", "DEMO-1011", OrderStatus.PartiallyAllocated, "SWEAT-CREW-M-GRY", 2_000, 1m, "Lena Fischer"),
        Demo("WHOLESALE", "DEMO-1012", OrderStatus.Backordered, "SWEAT-CREW-M-GRY", 10, 30m, "Modehaus Süd"),
        Demo("WEB", "DEMO-1013", OrderStatus.Allocated, "JEANS-SLIM-L-NVY", 2, 89m, "Mia Schulz",
            hold: (HoldType.Manual, "The customer asked us to wait for a second item before shipping.")),
    ];

    private static DemoOrder Demo(string channel, string externalId, OrderStatus target, string sku, int quantity, decimal price, string customer,
        TimeSpan? ago = null, (HoldType, string)? hold = null)
    {
        var email = $"{customer.Split(' ')[0].ToLowerInvariant()}@example.com";
        return new(new CaptureOrder(Actor.System, channel, externalId, ServiceLevel.Standard, new(email, customer),
                new(customer, "Friedrichstraße 10", null, "Berlin", "10117", "DE"), [new(sku, quantity, new(price, "EUR"))]),
            target, ago ?? TimeSpan.FromHours(2), hold);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in Orders)
            await SeedAsync(demo, cancellationToken);
    }

    /// <summary>
    /// Captures <paramref name="capture"/> and drives it to <paramref name="target"/> like the demo's own orders (the returns demo
    /// ships its orders this way). Null when the order was there already (a restart) or could not reach the state.
    /// </summary>
    public Task<Guid?> SeedAsync(CaptureOrder capture, OrderStatus target, CancellationToken cancellationToken) =>
        SeedAsync(new DemoOrder(capture, target, TimeSpan.FromHours(2)), cancellationToken);

    private async Task<Guid?> SeedAsync(DemoOrder demo, CancellationToken cancellationToken)
    {
        var captured = await CaptureAsync(demo, cancellationToken);
        if (captured is null || captured.WasAlreadyCaptured)
            return null;
        var reached = await DriveAsync(captured.OrderId, demo, cancellationToken);
        if (reached && demo.Hold is { } hold && await SendAsync(new PlaceHold(captured.OrderId, Operations, hold.Type, hold.Reason), cancellationToken) is { IsFailure: true } refused)
        {
            LogNotReached(logger, demo.Capture.ExternalOrderId, demo.Target, "hold", refused.Error.ToString());
            reached = false;
        }
        if (reached)
            LogSeeded(logger, demo.Capture.ExternalOrderId, demo.Target);
        return reached ? captured.OrderId : null;
    }

    private async Task<CapturedOrder?> CaptureAsync(DemoOrder demo, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var captured = await new DemoHistoryClock(clock, demo.CapturedAgo).Compose<CaptureOrder, CapturedOrder>(scope.ServiceProvider)
            .HandleAsync(demo.Capture, cancellationToken);
        if (captured.IsSuccess)
            return captured.Value;
        LogNotReached(logger, demo.Capture.ExternalOrderId, demo.Target, "capture", captured.Error.ToString());
        return null;
    }

    /// <summary>
    /// One step at a time from the order's current state (read afresh each time) until it stands in the demo's state. A refused step is
    /// tried again from the fresh state, since the automation may have moved the order meanwhile; a bounded number of tries.
    /// </summary>
    private async Task<bool> DriveAsync(Guid orderId, DemoOrder demo, CancellationToken cancellationToken)
    {
        const int MaxSteps = 24;
        string? lastRefusal = null;
        for (var attempt = 0; attempt < MaxSteps; attempt++)
        {
            var order = await LoadAsync(orderId, cancellationToken);
            if (order is null)
                break;
            if (order.Status == demo.Target)
                return true;
            if (NextStep(order, demo) is not { } step)
                break;
            var result = await step(cancellationToken);
            lastRefusal = result.IsSuccess ? null : result.Error.ToString();
        }
        LogNotReached(logger, demo.Capture.ExternalOrderId, demo.Target, "drive", lastRefusal ?? "no step leads there from where it stands");
        return false;

        Func<CancellationToken, Task<Result<OrderCommandResult>>>? NextStep(Order order, DemoOrder wanted)
        {
            if (wanted.Target == OrderStatus.Cancelled)
                return ct => SendAsync(new CancelOrder(orderId, CustomerService, "The customer ordered the wrong size and asked us to cancel."), ct);
            return order.Status switch
            {
                OrderStatus.Captured => ct => SendAsync(new ValidateOrder(orderId, Actor.System), ct),
                OrderStatus.Validated => ct => SendAsync(new AllocateOrder(orderId, Actor.System), ct),
                OrderStatus.Allocated => ct => SendAsync(new ReleaseOrder(orderId, Operations), ct),
                OrderStatus.Released => ct => SendAsync(new StartPicking(orderId, Warehouse), ct),
                OrderStatus.Picking when !order.IsPicked => ct => SendAsync(new ConfirmPick(orderId, Warehouse), ct),
                OrderStatus.Picking => ct => SendAsync(new ConfirmPack(orderId, Warehouse, 1), ct),
                OrderStatus.Packed or OrderStatus.PartiallyShipped => ct => SendAsync(new ConfirmShipment(orderId, Warehouse, "DHL",
                    $"JD{Math.Abs(orderId.GetHashCode()) % 100_000_000:D8}{order.Shipments.Count(s => s.Status == ShipmentStatus.Shipped)}",
                    ShipmentId: order.OpenShipments.First().Id), ct),
                OrderStatus.Shipped => ct => SendAsync(new InvoiceOrder(orderId, Finance), ct),
                OrderStatus.Invoiced => ct => SendAsync(new CompleteOrder(orderId, Finance), ct),
                _ => null,
            };
        }
    }

    private async Task<Order?> LoadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), cancellationToken);
    }

    /// <summary>Each step in a scope of its own, so it reads the order as it is now (the automation may have changed it).</summary>
    private async Task<Result<OrderCommandResult>> SendAsync<TCommand>(TCommand command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, OrderCommandResult>>().HandleAsync(command, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo order {ExternalOrderId} in {Status}")]
    private static partial void LogSeeded(ILogger logger, string externalOrderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo order {ExternalOrderId} did not reach {Status} ({Stage}): {Error}")]
    private static partial void LogNotReached(ILogger logger, string externalOrderId, OrderStatus status, string stage, string error);

}
