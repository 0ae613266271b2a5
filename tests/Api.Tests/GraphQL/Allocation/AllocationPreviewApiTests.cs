using EcomErp.Api.Tests.GraphQL.EndToEnd;
using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Inventory;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Allocation;

/// <summary>
/// Query.allocationPreview as planners and partners call it, on the real host and its SQLite file with the demo stock:
/// a plan for an unsaved order or a stored one, named userErrors for bad input, scopes and channel restrictions, and
/// never a change to the ledger.
/// </summary>
public sealed class AllocationPreviewApiTests : IAsyncLifetime
{
    private const string Berlin = "WH-BERLIN";

    private const string Preview = """
        query Preview($orderId: ID, $order: AllocationPreviewInput) {
          allocationPreview(orderId: $orderId, order: $order) {
            preview {
              orderId channel status summary shipmentCount drawsOnSafetyStock mayDrawOnSafetyStock stockAsOfSequence
              estimatedSplitCost { amount currencyCode }
              lines { lineNumber sku substitute ordered alreadyAllocated allocated backordered short decidedBy comparedWith explanation
                      allocations { location sku quantity fromAlternateLocation safetyStockUnits } }
              shipments { location fromAlternateLocation lines { lineNumber sku quantity } }
            }
            userErrors { code field message }
          }
        }
        """;

    private const string Capture = """
        mutation Capture($input: CaptureOrderInput!) { captureOrder(input: $input) { order { id } userErrors { code } } }
        """;

    private string _planner = null!;
    private string _stockOnly = null!;
    private string _ordersOnly = null!;
    private string _amazonPartner = null!;
    private string _shop = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _planner = await Api.IssueKeyAsync(ApiScopes.InventoryRead, ApiScopes.OrdersRead);
        _stockOnly = await Api.IssueKeyAsync(ApiScopes.InventoryRead);
        _ordersOnly = await Api.IssueKeyAsync(ApiScopes.OrdersRead);
        _amazonPartner = await Api.IssueKeyAsync([ApiScopes.InventoryRead, ApiScopes.OrdersRead], ["MKT-AMAZON"]);
        _shop = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private static object Unsaved(string sku, int quantity, string channel = "WEB", string country = "DE") =>
        new { channel, lines = new[] { new { sku, quantity } }, shipToCountry = country };

    /// <summary>Runs the query and checks that the ledger is exactly as it was, and still holds.</summary>
    private async Task<JsonElement> PreviewAsync(string key, object variables)
    {
        var before = await Api.BalancesAsync();
        var payload = (await Api.DataAsync(key, Preview, variables)).GetProperty("allocationPreview");
        Assert.Equal(before, await Api.BalancesAsync());
        await Api.AssertLedgerHoldsAsync();
        return payload;
    }

    private async Task<JsonElement> PlannedAsync(string key, object variables)
    {
        var payload = await PreviewAsync(key, variables);
        return InventoryTestKit.Succeeded(payload, "preview");
    }

    private async Task RefusedAsync(string key, object variables, string code, string? field)
    {
        var payload = await PreviewAsync(key, variables);

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("preview").ValueKind);
        Assert.Contains((code, field), InventoryTestKit.UserErrors(payload));
    }

    private async Task<string> CaptureAsync(string sku, int quantity)
    {
        var payload = (await Api.DataAsync(_shop, Capture, new
        {
            input = new
            {
                channel = "WEB",
                externalOrderId = $"PREVIEW-{Guid.NewGuid():N}",
                customer = new { email = "anna.schmidt@example.com", name = "Anna Schmidt" },
                shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" },
                lines = new[] { new { sku, quantity, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
            },
        })).GetProperty("captureOrder");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        // Projected, not dispatched: the order stays Captured with nothing allocated, as the automation has not run.
        await Api.Services.ProjectReadModelsAsync();
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task AllocationPreview_OfAnUnsavedOrder_ShowsWhereItWouldShipFrom_AndChangesNoStock()
    {
        var (sku, levels) = await Api.SkuWithAvailableAsync(Berlin, 3);

        var preview = await PlannedAsync(_stockOnly, new { order = Unsaved(sku, 2) });

        Assert.Equal(JsonValueKind.Null, preview.GetProperty("orderId").ValueKind);
        Assert.Equal(("WEB", "COMPLETE", 1), (preview.GetProperty("channel").GetString(), preview.GetProperty("status").GetString(),
            preview.GetProperty("shipmentCount").GetInt32()));
        var line = preview.GetProperty("lines")[0];
        Assert.Equal((1, sku, 2, 0, 2, 0, 0), (line.GetProperty("lineNumber").GetInt32(), line.GetProperty("sku").GetString(),
            line.GetProperty("ordered").GetInt32(), line.GetProperty("alreadyAllocated").GetInt32(), line.GetProperty("allocated").GetInt32(),
            line.GetProperty("backordered").GetInt32(), line.GetProperty("short").GetInt32()));
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("decidedBy").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("explanation").GetString()));
        var shipment = preview.GetProperty("shipments")[0];
        Assert.Equal((line.GetProperty("allocations")[0].GetProperty("location").GetString(), 2),
            (shipment.GetProperty("location").GetString(), shipment.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal(("0.00", "EUR"), (preview.GetProperty("estimatedSplitCost").GetProperty("amount").GetString(),
            preview.GetProperty("estimatedSplitCost").GetProperty("currencyCode").GetString()));
        Assert.True(preview.GetProperty("stockAsOfSequence").GetInt64() > 0);
        Assert.Equal(levels, await Api.LevelsAsync(sku, Berlin));
    }

    [Fact]
    public async Task AllocationPreview_OfAStoredOrder_PlansItsUnallocatedUnits_ForACallerWhoSeesItsChannel()
    {
        var (sku, _) = await Api.SkuWithAvailableAsync(Berlin, 3);
        var orderId = await CaptureAsync(sku, 3);

        var preview = await PlannedAsync(_planner, new { orderId });

        Assert.Equal(orderId, preview.GetProperty("orderId").GetString());
        Assert.Equal("COMPLETE", preview.GetProperty("status").GetString());
        var line = preview.GetProperty("lines")[0];
        Assert.Equal((sku, 3, 0, 3), (line.GetProperty("sku").GetString(), line.GetProperty("ordered").GetInt32(),
            line.GetProperty("alreadyAllocated").GetInt32(), line.GetProperty("allocated").GetInt32()));
        await RefusedAsync(_amazonPartner, new { orderId }, "ORDER_NOT_FOUND", "orderId");
    }

    [Fact]
    public async Task AllocationPreview_ByOrderId_NeedsOrdersRead_AndEveryPreviewNeedsInventoryRead()
    {
        var (sku, _) = await Api.SkuWithAvailableAsync(Berlin, 1);
        var orderId = await CaptureAsync(sku, 1);

        var (byIdStatus, byId) = await Api.PostAsync(_stockOnly, Preview, new { orderId });
        var (unsavedStatus, unsaved) = await Api.PostAsync(_ordersOnly, Preview, new { order = Unsaved(sku, 1) });

        Assert.Equal((200, 200), (byIdStatus, unsavedStatus));
        Assert.Equal("FORBIDDEN", byId.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("FORBIDDEN", unsaved.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("data").GetProperty("allocationPreview").ValueKind);
    }

    [Fact]
    public async Task AllocationPreview_ForAPartner_PlansOnlyForItsOwnChannels()
    {
        var (sku, _) = await Api.SkuWithAvailableAsync(Berlin, 1);

        await RefusedAsync(_amazonPartner, new { order = Unsaved(sku, 1) }, "CHANNEL_NOT_FOUND", "order.channel");
        var own = await PlannedAsync(_amazonPartner, new { order = Unsaved(sku, 1, channel: "MKT-AMAZON") });

        Assert.Equal("MKT-AMAZON", own.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task AllocationPreview_WithBadInput_AnswersUserErrorsWithCodesAndFields_AndChangesNothing()
    {
        var (sku, _) = await Api.SkuWithAvailableAsync(Berlin, 1);
        var order = Unsaved(sku, 1);

        await RefusedAsync(_planner, new { }, "ALLOCATION_PREVIEW_ONE_SOURCE_REQUIRED", null);
        await RefusedAsync(_planner, new { orderId = Guid.NewGuid(), order }, "ALLOCATION_PREVIEW_ONE_SOURCE_REQUIRED", null);
        await RefusedAsync(_planner, new { orderId = "not-an-id", order }, "ALLOCATION_PREVIEW_ONE_SOURCE_REQUIRED", null);
        await RefusedAsync(_planner, new { orderId = "not-an-id" }, "ORDER_NOT_FOUND", "orderId");
        await RefusedAsync(_planner, new { orderId = Guid.NewGuid() }, "ORDER_NOT_FOUND", "orderId");
        await RefusedAsync(_planner, new { order = Unsaved(sku, 1, channel: "NO-SUCH-CHANNEL") }, "CHANNEL_NOT_FOUND", "order.channel");
        await RefusedAsync(_planner, new { order = Unsaved("NO-SUCH-SKU", 1) }, "ALLOCATION_UNKNOWN_SKU", "order.lines[0].sku");
        await RefusedAsync(_planner, new { order = Unsaved(sku, 0) }, "QUANTITY_NOT_POSITIVE", "order.lines[0].quantity");
        await RefusedAsync(_planner, new { order = Unsaved(sku, 1, country: "Deutschland") }, "ALLOCATION_PREVIEW_SHIP_TO_INVALID", "order.shipToCountry");
        await RefusedAsync(_planner, new { order = new { channel = "WEB", lines = Array.Empty<object>(), shipToCountry = "DE" } },
            "ALLOCATION_NO_LINES", "order.lines");
        await RefusedAsync(_planner, new { order = new { channel = "WEB", lines = new[] { new { sku, quantity = 1 }, new { sku, quantity = 2 } }, shipToCountry = "DE" } },
            "ALLOCATION_DUPLICATE_LINE", "order.lines");
        await RefusedAsync(_planner, new { order = new { channel = "WEB", lines = Enumerable.Range(0, 201).Select(i => new { sku = $"SKU-{i}", quantity = 1 }), shipToCountry = "DE" } },
            "ALLOCATION_TOO_MANY_LINES", "order.lines");
    }

    [Fact]
    public async Task AllocationPreview_WithAMistypedVariable_IsARequestError_NotAServerError()
    {
        var (status, body) = await Api.PostAsync(_planner, Preview, new { order = new { channel = "WEB", lines = new[] { new { sku = "X", quantity = "many" } }, shipToCountry = "DE" } });

        Assert.True(status is 200 or 400, $"{status}: {body}");
        Assert.True(body.GetProperty("errors").GetArrayLength() > 0);
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.GetProperty("allocationPreview").ValueKind != JsonValueKind.Null);
    }
}
