using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>Customer service amends an order's ship-to and priority over the API, on real Kestrel, before release.</summary>
public sealed class AmendOrderApiTests : IAsyncLifetime
{
    private const string Capture = """
        mutation Capture($input: CaptureOrderInput!) { captureOrder(input: $input) { order { id } userErrors { code field message } } }
        """;

    private const string AmendShipTo = """
        mutation Amend($input: AmendOrderShipToInput!) {
          amendOrderShipTo(input: $input) { order { id status version isOnHold shipTo { line1 postalCode } } userErrors { code field message } }
        }
        """;

    private const string AmendPriority = """
        mutation Amend($input: AmendOrderPriorityInput!) {
          amendOrderPriority(input: $input) { order { id priority } userErrors { code field message } }
        }
        """;

    private const string ReadOrder = """
        query($id: ID!) { order(id: $id) { status version priority isOnHold shipTo { line1 postalCode } holds { type reason releasedAt } timeline { action reason } } }
        """;

    private static readonly object GoodAddress = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" };

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _shop = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _shop = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private async Task<string> CaptureAsync(string key, string externalId, string channel = "WEB", string postalCode = "10115")
    {
        var payload = (await Api.DataAsync(key, Capture, new
        {
            input = new
            {
                channel,
                externalOrderId = externalId,
                customer = new { email = "anna.schmidt@example.com", name = "Anna Schmidt" },
                shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode, country = "DE" },
                lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity = 1, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
            },
        })).GetProperty("captureOrder");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        await Api.SettleAsync();
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> OrderAsync(string key, string id) => (await Api.DataAsync(key, ReadOrder, new { id })).GetProperty("order");

    private static List<(string? Code, string? Field)> UserErrors(JsonElement payload) =>
        [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString()))];

    [Fact]
    public async Task AmendOrderShipTo_OfAnOrderHeldForItsPostalCode_ReleasesTheAddressHold_AndTheOrderAllocates()
    {
        var id = await CaptureAsync(_shop, "AMEND-HELD", postalCode: "1011");
        var held = await OrderAsync(_shop, id);
        Assert.Equal("CAPTURED", held.GetProperty("status").GetString());
        Assert.StartsWith("[ADDRESS_POSTAL_CODE_SHAPE]", held.GetProperty("holds")[0].GetProperty("reason").GetString());

        var amended = (await Api.DataAsync(_shop, AmendShipTo, new { input = new { orderId = id, shipTo = GoodAddress } })).GetProperty("amendOrderShipTo");
        Assert.Empty(UserErrors(amended));
        Assert.False(amended.GetProperty("order").GetProperty("isOnHold").GetBoolean());
        await Api.SettleAsync();

        var order = await OrderAsync(_shop, id);
        Assert.Equal(("ALLOCATED", "10115"), (order.GetProperty("status").GetString(), order.GetProperty("shipTo").GetProperty("postalCode").GetString()));
        Assert.Equal(JsonValueKind.String, order.GetProperty("holds")[0].GetProperty("releasedAt").ValueKind);
        Assert.Contains(order.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("action").GetString() == "SHIP_TO_AMENDED"
            && t.GetProperty("reason").GetString() == "Ship-to amended: postalCode '1011' to '10115'.");
    }

    [Fact]
    public async Task Amendments_WithBadInput_AnswerUserErrorsWithCodesAndFields_AndChangeNothing()
    {
        var id = await CaptureAsync(_shop, "AMEND-BAD");
        var before = await OrderAsync(_shop, id);

        var incomplete = (await Api.DataAsync(_shop, AmendShipTo, new
        {
            input = new { orderId = id, shipTo = new { name = "Anna Schmidt", line1 = "", city = "Berlin", postalCode = "10115", country = "D" } },
        })).GetProperty("amendOrderShipTo");
        var unchanged = (await Api.DataAsync(_shop, AmendShipTo, new { input = new { orderId = id, shipTo = GoodAddress } })).GetProperty("amendOrderShipTo");
        var samePriority = (await Api.DataAsync(_shop, AmendPriority, new { input = new { orderId = id, priority = "NORMAL" } })).GetProperty("amendOrderPriority");
        var malformedId = (await Api.DataAsync(_shop, AmendPriority, new { input = new { orderId = "nope", priority = "HIGH" } })).GetProperty("amendOrderPriority");
        var (status, unknownPriority) = await Api.PostAsync(_shop, AmendPriority, new { input = new { orderId = id, priority = "SOMEDAY" } });
        await Api.SettleAsync();

        Assert.Equal([("ORDER_ADDRESS_INCOMPLETE", "shipTo.line1"), ("ORDER_ADDRESS_INVALID", "shipTo.country")], UserErrors(incomplete));
        Assert.Equal([("ORDER_AMENDMENT_UNCHANGED", "shipTo")], UserErrors(unchanged));
        Assert.Equal([("ORDER_AMENDMENT_UNCHANGED", "priority")], UserErrors(samePriority));
        Assert.Equal([("ORDER_NOT_FOUND", "orderId")], UserErrors(malformedId));
        Assert.Equal(400, status);
        Assert.Contains("SOMEDAY", unknownPriority.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(before.ToString(), (await OrderAsync(_shop, id)).ToString());
    }

    [Fact]
    public async Task PartnerKey_CannotAmendAnotherChannelsOrder_ButAmendsItsOwn()
    {
        var partner = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], ["MKT-ZALANDO"]);
        var webOrder = await CaptureAsync(_shop, "AMEND-WEB");
        var ownOrder = await CaptureAsync(partner, "AMEND-ZAL", channel: "MKT-ZALANDO");
        var before = await OrderAsync(_shop, webOrder);
        var elsewhere = new { name = "Someone Else", line1 = "Torstraße 9", city = "Berlin", postalCode = "10119", country = "DE" };

        var shipTo = (await Api.DataAsync(partner, AmendShipTo, new { input = new { orderId = webOrder, shipTo = elsewhere } })).GetProperty("amendOrderShipTo");
        var priority = (await Api.DataAsync(partner, AmendPriority, new { input = new { orderId = webOrder, priority = "URGENT" } })).GetProperty("amendOrderPriority");
        var own = (await Api.DataAsync(partner, AmendPriority, new { input = new { orderId = ownOrder, priority = "URGENT" } })).GetProperty("amendOrderPriority");
        await Api.SettleAsync();

        Assert.Equal([("ORDER_NOT_FOUND", "orderId")], UserErrors(shipTo));
        Assert.Equal([("ORDER_NOT_FOUND", "orderId")], UserErrors(priority));
        Assert.Equal(before.ToString(), (await OrderAsync(_shop, webOrder)).ToString());
        Assert.Empty(UserErrors(own));
        Assert.Equal("URGENT", (await OrderAsync(partner, ownOrder)).GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Amendments_WithoutTheOrdersWriteScope_AreForbidden()
    {
        var id = await CaptureAsync(_shop, "AMEND-SCOPE");
        var reader = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.FulfillmentWrite);

        var (status, body) = await Api.PostAsync(reader, AmendPriority, new { input = new { orderId = id, priority = "URGENT" } });

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("NORMAL", (await OrderAsync(_shop, id)).GetProperty("priority").GetString());
    }
}
