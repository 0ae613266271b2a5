using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Infrastructure.Tests.Support;

/// <summary>Captured orders for persistence tests: <c>Orders.Capture("WEB-1", at)</c>.</summary>
public static class Orders
{
    public static Order Capture(string externalId, DateTimeOffset at, string channel = "WEB", string email = "anna@example.com", int lines = 2)
    {
        var euro = Currency.Of("EUR");
        var draftLines = Enumerable.Range(1, lines)
            .Select(i => new OrderLineDraft(SkuCode.Of($"TEE-CREW-M-{i:D3}"), Quantity.Of(i), new Money(1_999 * i, euro)))
            .ToList();
        var draft = new OrderDraft(ChannelCode.Of(channel), externalId, ServiceLevel.Express, OrderPriority.High,
            CustomerInfo.Create(email, "Anna Schmidt").Value,
            Address.Create("Anna Schmidt", "Torstraße 1", "Hinterhaus", "Berlin", "10119", "DE").Value,
            draftLines, Fingerprint(channel + externalId));
        return Order.Capture(draft, Actor.System, at).Value;
    }

    /// <summary>Everything an order shows, children included, as JSON: two orders with equal state have equal snapshots.</summary>
    public static string Snapshot(Order order) => JsonSerializer.Serialize(order);

    private static string Fingerprint(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
