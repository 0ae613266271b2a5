using System.Text.Json;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Access;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.EndToEnd;

/// <summary>A front-end captures by HTTP, a partner watches on a WebSocket, both read the same state back.</summary>
public abstract class OrderFlowEndToEndTests : IAsyncLifetime
{
    internal const string CaptureMutation = """
        mutation Capture($input: CaptureOrderInput!) {
          captureOrder(input: $input) { wasAlreadyCaptured order { id status total { amount currencyCode } } userErrors { code field message } }
        }
        """;

    private const string StatusSubscription = """
        subscription Watch($channel: String) { orderStatusChanged(channel: $channel) { orderId channel status previousStatus sequence occurredAt } }
        """;

    protected LiveApi Api { get; private set; } = null!;

    protected abstract Task<string?> RedisAsync();

    public async Task InitializeAsync() => Api = await LiveApi.StartAsync(await RedisAsync());

    public virtual async Task DisposeAsync() => await Api.DisposeAsync();

    internal static object Order(string externalId, string channel = "WEB", string sku = "TEE-CREW-M-BLK", int quantity = 2, decimal unitPrice = 25.00m) =>
        new { input = CaptureInput(externalId, channel, sku, quantity, unitPrice) };

    /// <summary>A <c>CaptureOrderInput</c> of one line, priced in euros, to a Berlin customer.</summary>
    internal static object CaptureInput(string externalId, string channel = "WEB", string sku = "TEE-CREW-M-BLK", int quantity = 2, decimal unitPrice = 25.00m) => new
    {
        channel,
        externalOrderId = externalId,
        serviceLevel = "STANDARD",
        customer = new { email = "anna.schmidt@example.com", name = "Anna Schmidt" },
        shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" },
        lines = new[] { new { sku, quantity, unitPrice = Price(unitPrice) } },
    };

    /// <summary>A <c>MoneyInput</c> in euros: the amount as the Decimal scalar's string.</summary>
    internal static object Price(decimal amount, string currencyCode = "EUR") =>
        new { amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), currencyCode };

    [Fact]
    public async Task CapturedOrder_IsSeenProgressingOnASubscription_AndTheReadModelShowsTheSameState()
    {
        var key = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], ["WEB"]);
        await using var watcher = await Api.SubscribeAsync(key, StatusSubscription, new { channel = "WEB" });
        Assert.Empty(await watcher.UntilPongAsync());

        var captured = (await Api.DataAsync(key, CaptureMutation, Order("E2E-1"))).GetProperty("captureOrder");
        Assert.Equal(0, captured.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("CAPTURED", captured.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("50.00", captured.GetProperty("order").GetProperty("total").GetProperty("amount").GetString());
        var orderId = captured.GetProperty("order").GetProperty("id").GetString();

        var events = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
            events.Add((await watcher.NextAsync()).GetProperty("orderStatusChanged"));
        Assert.All(events, e => Assert.Equal(orderId, e.GetProperty("orderId").GetString()));
        Assert.Equal(["CAPTURED", "VALIDATED", "ALLOCATED"], events.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal([null, "CAPTURED", "VALIDATED"], events.Select(e => e.GetProperty("previousStatus").GetString()));
        Assert.True(events.Select(e => e.GetProperty("sequence").GetInt64()).SequenceEqual(events.Select(e => e.GetProperty("sequence").GetInt64()).Order()));

        var order = (await Api.DataAsync(key, """
            query($id: ID!) { order(id: $id) { status isOnHold lines { sku quantity allocatedQuantity } timeline { action holdType actorId } blockers { code } } }
            """, new { id = orderId })).GetProperty("order");
        Assert.Equal("ALLOCATED", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("lines")[0].GetProperty("allocatedQuantity").GetInt32());
        Assert.Equal(["CAPTURED", "VALIDATED", "ALLOCATED"], order.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        var byExternalId = (await Api.DataAsync(key, """{ orderByExternalId(channel: "web", externalOrderId: "E2E-1") { id status } }""")).GetProperty("orderByExternalId");
        Assert.Equal(orderId, byExternalId.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnAllocationDecision_IsHeardWithTheOrdersAllocationsBackordersAndShipments()
    {
        var key = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.InventoryRead], ["WEB"]);
        const string sku = "HOODIE-ZIP-L-OLV";
        // The demo seed's stock reaches the inventory read model through the read-models job, which runs beside the automation's
        // (decision 050): wait for both to drain before reading it, or the position may not be projected yet.
        await Api.SettleAsync();
        var usable = (await Api.DataAsync(key, """query($sku: String!) { inventoryPosition(sku: $sku) { locations { levels { available } safetyStock } } }""",
            new { sku })).GetProperty("inventoryPosition").GetProperty("locations").EnumerateArray()
            .Sum(l => Math.Max(0, l.GetProperty("levels").GetProperty("available").GetInt32() - l.GetProperty("safetyStock").GetInt32()));
        Assert.True(usable > 0, "The demo stock has none of the SKU.");
        await using var watcher = await Api.SubscribeAsync(key, """
            subscription Watch($channel: String) {
              orderStatusChanged(channel: $channel) {
                status
                order { status lines { quantity allocatedQuantity backorderedQuantity allocations { location quantity shipmentNumber } } shipments { number location status } }
              }
            }
            """, new { channel = "WEB" });
        // graphql-transport-ws does not acknowledge a subscribe: the pong after it says the subscription is attached, so the
        // decision published after the capture below reaches it however long the server took to set the subscription up.
        Assert.Empty(await watcher.UntilPongAsync());

        // More than the web shop can ship today: it splits over its warehouses and backorders the rest (at a price that
        // stays below the high-value approval).
        var ordered = usable + 5;
        var captured = (await Api.DataAsync(key, CaptureMutation, Order("E2E-BACKORDER", sku: sku, quantity: ordered, unitPrice: 1.00m)))
            .GetProperty("captureOrder");
        Assert.Equal(0, captured.GetProperty("userErrors").GetArrayLength());

        JsonElement decided;
        do
            decided = (await watcher.NextAsync()).GetProperty("orderStatusChanged");
        while (decided.GetProperty("status").GetString() is "CAPTURED" or "VALIDATED");
        Assert.Equal("PARTIALLY_ALLOCATED", decided.GetProperty("status").GetString());
        var order = decided.GetProperty("order");
        var line = order.GetProperty("lines")[0];
        Assert.Equal((ordered, usable, 5), (line.GetProperty("quantity").GetInt32(), line.GetProperty("allocatedQuantity").GetInt32(),
            line.GetProperty("backorderedQuantity").GetInt32()));
        var allocations = line.GetProperty("allocations").EnumerateArray().ToList();
        Assert.Equal(usable, allocations.Sum(a => a.GetProperty("quantity").GetInt32()));
        var shipments = order.GetProperty("shipments").EnumerateArray().ToList();
        Assert.Equal(allocations.Select(a => a.GetProperty("location").GetString()).Order(), shipments.Select(s => s.GetProperty("location").GetString()).Order());
        Assert.All(shipments, s => Assert.Equal("OPEN", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task PartnerKey_NeitherSeesNorHearsAnotherChannelsOrders()
    {
        var admin = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        var webPartner = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], ["WEB"]);
        await using var watcher = await Api.SubscribeAsync(webPartner, StatusSubscription);
        Assert.Empty(await watcher.UntilPongAsync());

        var foreign = (await Api.DataAsync(admin, CaptureMutation, Order("E2E-Z1", channel: "MKT-ZALANDO"))).GetProperty("captureOrder");
        var own = (await Api.DataAsync(admin, CaptureMutation, Order("E2E-W1"))).GetProperty("captureOrder");
        var foreignId = foreign.GetProperty("order").GetProperty("id").GetString();

        // The foreign order's events come first in the log; the partner's first event is its own order's capture.
        var first = (await watcher.NextAsync()).GetProperty("orderStatusChanged");
        Assert.Equal(own.GetProperty("order").GetProperty("id").GetString(), first.GetProperty("orderId").GetString());
        var seen = await Api.DataAsync(webPartner, """query($id: ID!) { order(id: $id) { id } orders(first: 50) { totalCount edges { node { channel } } } }""", new { id = foreignId });
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("order").ValueKind);
        Assert.All(seen.GetProperty("orders").GetProperty("edges").EnumerateArray(), e => Assert.Equal("WEB", e.GetProperty("node").GetProperty("channel").GetString()));
        var captureElsewhere = (await Api.DataAsync(webPartner, CaptureMutation, Order("E2E-Z2", channel: "MKT-ZALANDO"))).GetProperty("captureOrder");
        Assert.Equal("ORDER_UNKNOWN_CHANNEL", captureElsewhere.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }
}

public sealed class InProcessOrderFlowEndToEndTests : OrderFlowEndToEndTests
{
    protected override Task<string?> RedisAsync() => Task.FromResult<string?>(null);
}

/// <summary>The same journeys with the Redis cache and pub/sub, against a real redis-server.</summary>
public sealed class RedisOrderFlowEndToEndTests : OrderFlowEndToEndTests
{
    private RedisServer? _redis;

    protected override async Task<string?> RedisAsync()
    {
        _redis = await RedisServer.StartAsync();
        return _redis.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_redis is not null)
            await _redis.DisposeAsync();
    }
}
