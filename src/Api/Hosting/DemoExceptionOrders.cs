using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;

namespace EcomErp.Api.Hosting;

/// <summary>
/// For the embedded demo only: a few web orders captured through the real <see cref="CaptureOrder"/> path, so the exception
/// workbench has cases of several types from their real causes (a high value, a fraud score, a malformed postal code); the
/// outbox raises the holds' cases as for any order. Capture is idempotent on (channel, external id), so a restart adds nothing.
/// <para>
/// So that the workbench shows overdue cases on first start, two facts are seeded as having happened a day ago, through the
/// same handlers composed with a clock set back (<see cref="DemoHistoryClock"/>): an order put on a manual hold, and a stock
/// adjustment waiting for its second approval. Their cases are raised at those facts' times, as every case is, so their SLA
/// ran out before the host started and the escalation job takes them up. They are seeded with the order's first capture only.
/// </para>
/// <para>Orders in every other state of the workflow come from <see cref="DemoOrders"/>, seeded after these.</para>
/// </summary>
internal sealed partial class DemoExceptionOrders(
    ICommandHandler<CaptureOrder, CapturedOrder> capture, IServiceProvider services, TimeProvider clock, ILogger<DemoExceptionOrders> logger)
{
    /// <summary>Configuration key; on by default, and read only when the demo data is seeded at all.</summary>
    public const string SettingKey = "EcomErp:SeedDemoOrders";

    private static readonly CaptureOrderCustomer Anna = new("anna.schmidt@example.com", "Anna Schmidt");
    private static readonly CaptureOrderAddress AnnaAtHome = new(Name: "Anna Schmidt", "Invalidenstraße 1", null, "Berlin", "10115", "DE");

    private static readonly CaptureOrder[] Orders =
    [
        // 20 denim jackets: above the high-value threshold, Finance approves.
        new(Actor.System, "WEB", "DEMO-HIGH-VALUE-1", ServiceLevel.Standard, Anna, AnnaAtHome,
            [new(Sku: "JACKET-DENIM-M-BLK", 20, new(129m, "EUR"))]),
        // A throw-away address, someone else's name at the door and next-day delivery: the fraud score holds it.
        new(Actor.System, "WEB", "DEMO-FRAUD-1", ServiceLevel.NextDay, new("quick.buyer@mailinator.com", "Quick Buyer"),
            new(Name: "Someone Else", "Hauptstraße 9", null, "Köln", "50667", "DE"), [new(Sku: "HOODIE-ZIP-M-BLK", 12, new(79m, "EUR"))]),
        // A German postal code of four digits: customer service verifies the address.
        new(Actor.System, "WEB", "DEMO-ADDRESS-1", ServiceLevel.Standard, Anna, AnnaAtHome with { PostalCode = "1011" },
            [new(Sku: "TEE-CREW-M-BLK", 2, new(25m, "EUR"))]),
        // 200 crew tees on Zalando, which does not backorder: more than its share of the stock, so the planner decides.
        new(Actor.System, "MKT-ZALANDO", "DEMO-SHORTFALL-1", ServiceLevel.Standard, Anna, AnnaAtHome,
            [new(Sku: "TEE-CREW-L-BLK", 200, new(10m, "EUR"))]),
    ];

    // Longer ago than the manual-hold and adjustment SLAs (24 h, decision 025), so both cases are overdue by two hours.
    private static readonly TimeSpan HeldAgo = TimeSpan.FromHours(26);

    private static readonly CaptureOrder Overdue =
        new(Actor.System, "WEB", "DEMO-OVERDUE-1", ServiceLevel.Standard, Anna, AnnaAtHome, [new(Sku: "TEE-CREW-L-BLK", 3, new(25m, "EUR"))]);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var order in Orders)
            await CaptureAsync(capture, order, cancellationToken);

        var capturedAgo = new DemoHistoryClock(clock, HeldAgo + TimeSpan.FromMinutes(5));
        var heldAgo = new DemoHistoryClock(clock, HeldAgo);
        var overdue = await CaptureAsync(WithClock<CaptureOrder, CapturedOrder>(capturedAgo), Overdue, cancellationToken);
        if (overdue.WasAlreadyCaptured)
            return;
        Succeeded(await WithClock<PlaceHold, OrderCommandResult>(heldAgo).HandleAsync(
            new PlaceHold(overdue.OrderId, Actor.System, HoldType.Manual, "The customer asked us to keep the parcel until they are back from holiday."),
            cancellationToken), "the manual hold");
        Succeeded(await WithClock<AdjustStock, AdjustmentView>(heldAgo).HandleAsync(
            new AdjustStock(Actor.System, "TEE-CREW-L-BLK", "WH-BERLIN", 60, ReasonCodes.Found, "A pallet found behind the racking at the night count."),
            cancellationToken), "the stock adjustment");
        LogHistory(logger, HeldAgo.TotalHours);
    }

    private async Task<CapturedOrder> CaptureAsync(ICommandHandler<CaptureOrder, CapturedOrder> handler, CaptureOrder order, CancellationToken cancellationToken)
    {
        var captured = Succeeded(await handler.HandleAsync(order, cancellationToken), $"demo order {order.ExternalOrderId}");
        if (!captured.WasAlreadyCaptured)
            LogCaptured(logger, order.ExternalOrderId, captured.Status);
        return captured;
    }

    private ICommandHandler<TCommand, TResult> WithClock<TCommand, TResult>(DemoHistoryClock past) => past.Compose<TCommand, TResult>(services);

    private static T Succeeded<T>(Result<T> result, string what) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo's {what} is invalid: {result.Error}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Captured the demo order {ExternalOrderId} ({Status}) for the exception workbench")]
    private static partial void LogCaptured(ILogger logger, string externalOrderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded a manual hold and a stock adjustment {Hours} h in the past, so the workbench shows overdue cases")]
    private static partial void LogHistory(ILogger logger, double hours);
}
