using EcomErp.Api.Tests.GraphQL.EndToEnd;
using System.Text.Json;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>Shipments, backorders and short picks as the warehouse integration sees them on the real schema.</summary>
public sealed class ShipmentApiTests : IAsyncLifetime
{
    private const string Capture = """
        mutation Capture($input: CaptureOrderInput!) { captureOrder(input: $input) { order { id } userErrors { code } } }
        """;

    private const string OrderQuery = """
        query($id: ID!) {
          order(id: $id) {
            status
            lines { lineNumber sku quantity allocatedQuantity backorderedQuantity allocations { shipmentId location sku quantity shipmentStatus } }
            shipments { id number location status carrier trackingNumber estimatedCost { amount currencyCode } lines { lineNumber sku quantity pickedQuantity } }
          }
        }
        """;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _shop = null!;
    private string _warehouse = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _shop = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
        _warehouse = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.FulfillmentWrite);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private async Task<string> CaptureAsync(string externalId, string sku, int quantity)
    {
        var payload = (await Api.DataAsync(_shop, Capture, new
        {
            input = new
            {
                channel = "WEB",
                externalOrderId = externalId,
                customer = new { email = "anna.schmidt@example.com", name = "Anna Schmidt" },
                shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" },
                lines = new[] { new { sku, quantity, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
            },
        })).GetProperty("captureOrder");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        await Api.SettleAsync();
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> OrderAsync(string id)
    {
        await Api.SettleAsync();
        return (await Api.DataAsync(_shop, OrderQuery, new { id })).GetProperty("order");
    }

    private async Task<JsonElement> StepAsync(string mutation, string inputType, object input, string fields = "order { status } userErrors { code field }")
    {
        var data = await Api.DataAsync(_warehouse, $"mutation($i: {inputType}!) {{ {mutation}(input: $i) {{ {fields} }} }}", new { i = input });
        return data.GetProperty(mutation);
    }

    private static IEnumerable<(string? Code, string? Field)> Errors(JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString()));

    [Fact]
    public async Task AllocatedOrder_ShowsItsShipmentAndTheLinesAllocations()
    {
        var id = await CaptureAsync("SHIP-1", "TEE-CREW-M-BLK", 2);

        var order = await OrderAsync(id);

        Assert.Equal("ALLOCATED", order.GetProperty("status").GetString());
        var shipment = order.GetProperty("shipments").EnumerateArray().Single();
        Assert.Equal(("WH-BERLIN", "OPEN", 1), (shipment.GetProperty("location").GetString(), shipment.GetProperty("status").GetString(), shipment.GetProperty("number").GetInt32()));
        Assert.Equal(("EUR", "0.00"), (shipment.GetProperty("estimatedCost").GetProperty("currencyCode").GetString(), shipment.GetProperty("estimatedCost").GetProperty("amount").GetString()));
        var line = order.GetProperty("lines")[0];
        Assert.Equal((2, 0), (line.GetProperty("allocatedQuantity").GetInt32(), line.GetProperty("backorderedQuantity").GetInt32()));
        var allocation = line.GetProperty("allocations").EnumerateArray().Single();
        Assert.Equal((shipment.GetProperty("id").GetString(), "WH-BERLIN", "TEE-CREW-M-BLK", 2, "OPEN"),
            (allocation.GetProperty("shipmentId").GetString(), allocation.GetProperty("location").GetString(), allocation.GetProperty("sku").GetString(),
                allocation.GetProperty("quantity").GetInt32(), allocation.GetProperty("shipmentStatus").GetString()));
    }

    [Fact]
    public async Task ShortPickAndShipment_ThroughTheMutations_MoveTheOrderAndItsShipment()
    {
        var id = await CaptureAsync("SHIP-2", "TEE-CREW-M-BLK", 3);
        Assert.Empty(Errors(await StepAsync("releaseOrder", "ReleaseOrderInput", new { orderId = id })));
        Assert.Empty(Errors(await StepAsync("startPicking", "StartPickingInput", new { orderId = id })));

        var badQuantity = await StepAsync("reportShortPick", "ReportShortPickInput", new { orderId = id, lineNumber = 1, missingQuantity = 0 });
        var badLine = await StepAsync("reportShortPick", "ReportShortPickInput", new { orderId = id, lineNumber = 9, missingQuantity = 1 });
        var tooMany = await StepAsync("reportShortPick", "ReportShortPickInput", new { orderId = id, lineNumber = 1, missingQuantity = 4 });
        Assert.Contains(("ORDER_SHORT_PICK_INVALID", "missingQuantity"), Errors(badQuantity));
        Assert.Contains(("ORDER_LINE_NOT_FOUND", "lineNumber"), Errors(badLine));
        Assert.Contains(("ORDER_SHORT_PICK_INVALID", "missingQuantity"), Errors(tooMany));
        var shortPicked = await StepAsync("reportShortPick", "ReportShortPickInput", new { orderId = id, lineNumber = 1, missingQuantity = 1 });
        Assert.Empty(Errors(shortPicked));
        Assert.Equal("PICKING", shortPicked.GetProperty("order").GetProperty("status").GetString());

        Assert.Empty(Errors(await StepAsync("confirmPick", "ConfirmPickInput", new { orderId = id })));
        Assert.Empty(Errors(await StepAsync("confirmPack", "ConfirmPackInput", new { orderId = id, packageCount = 1 })));
        var picked = await OrderAsync(id);
        var shipmentId = picked.GetProperty("shipments").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "OPEN").GetProperty("id").GetString();
        var unknown = await StepAsync("confirmShipment", "ConfirmShipmentInput",
            new { orderId = id, carrier = "DHL", trackingNumber = "JD01", shipmentId = Guid.NewGuid().ToString() });
        Assert.Contains(("ORDER_SHIPMENT_NOT_FOUND", "shipmentId"), Errors(unknown));
        var shipped = await StepAsync("confirmShipment", "ConfirmShipmentInput", new { orderId = id, carrier = "DHL", trackingNumber = "JD01", shipmentId });

        Assert.Empty(Errors(shipped));
        var order = await OrderAsync(id);
        Assert.Contains(order.GetProperty("status").GetString(), new[] { "SHIPPED", "INVOICED" });
        var shipment = order.GetProperty("shipments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == shipmentId);
        Assert.Equal(("SHIPPED", "DHL", "JD01"),
            (shipment.GetProperty("status").GetString(), shipment.GetProperty("carrier").GetString(), shipment.GetProperty("trackingNumber").GetString()));
        Assert.Equal(3, order.GetProperty("lines")[0].GetProperty("allocatedQuantity").GetInt32());
    }
}
