using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Api.Hosting;

/// <summary>
/// For the embedded demo only: a few web orders captured through the real <see cref="CaptureOrder"/> path, so the exception
/// workbench has cases of several types from their real causes (a high value, a fraud score, a malformed postal code); the
/// outbox raises the holds' cases as for any order. Capture is idempotent on (channel, external id), so a restart adds nothing.
/// </summary>
internal sealed partial class DemoExceptionOrders(ICommandHandler<CaptureOrder, CapturedOrder> capture, ILogger<DemoExceptionOrders> logger)
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
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var order in Orders)
        {
            var captured = await capture.HandleAsync(order, cancellationToken);
            if (captured.IsFailure)
                throw new InvalidOperationException($"Demo order {order.ExternalOrderId} is invalid: {captured.Error}");
            if (!captured.Value.WasAlreadyCaptured)
                LogCaptured(logger, order.ExternalOrderId, captured.Value.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Captured the demo order {ExternalOrderId} ({Status}) for the exception workbench")]
    private static partial void LogCaptured(ILogger logger, string externalOrderId, OrderStatus status);
}
