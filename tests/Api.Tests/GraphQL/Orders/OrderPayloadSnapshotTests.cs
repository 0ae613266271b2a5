using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>
/// The payloads a client reads back from the order mutations, pinned in committed snapshots: one success and one
/// refusal per family (capture; the warehouse steps, with invoicing and completion; holds; cancellation; amendments). Ids,
/// cursors, sequences and timestamps are replaced by placeholders (<see cref="SnapshotJson"/>): this host runs on the
/// real clock.
/// </summary>
public sealed class OrderPayloadSnapshotTests : IAsyncLifetime
{
    private const string Payload = """
        order {
          id status version channel externalOrderId serviceLevel priority isOnHold invoiceNumber carrier trackingNumber cancellationReason
          customer { email name }
          shipTo { name line1 line2 city postalCode country }
          total { amount currencyCode }
          lines { lineNumber sku quantity unitPrice { amount currencyCode } lineTotal { amount currencyCode } allocatedQuantity backorderedQuantity pickedQuantity shippedQuantity }
          shipments { id number status location carrier trackingNumber estimatedCost { amount currencyCode } shippedAt }
          holds { id type reason placedBy placedAt releasedBy releasedAt resolution }
          capturedAt updatedAt
        }
        userErrors { code field message }
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

    [Fact]
    public async Task CaptureOrder_Succeeded_AnswersTheCapturedOrder()
    {
        var captured = await CaptureAsync("SNAP-CAPTURE", quantity: 2);

        CommittedSnapshot.Match(SnapshotJson.Normalise(captured, fakeClock: false));
    }

    [Fact]
    public async Task CaptureOrder_Refused_AnswersUserErrorsWithCodesAndFields()
    {
        var refused = await CaptureAsync("SNAP-CAPTURE-BAD", quantity: 0, email: "not-an-email");

        CommittedSnapshot.Match(SnapshotJson.Normalise(refused, fakeClock: false));
    }

    [Fact]
    public async Task WarehouseSteps_Succeeded_AnswerTheOrderAfterEachStep()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-FLOW");

        var steps = new Dictionary<string, JsonElement>
        {
            ["releaseOrder"] = await MutateAsync(_warehouse, "releaseOrder", "ReleaseOrderInput", new { orderId = id }),
            ["startPicking"] = await MutateAsync(_warehouse, "startPicking", "StartPickingInput", new { orderId = id }),
            ["confirmPick"] = await MutateAsync(_warehouse, "confirmPick", "ConfirmPickInput", new { orderId = id }),
            ["confirmPack"] = await MutateAsync(_warehouse, "confirmPack", "ConfirmPackInput", new { orderId = id, packageCount = 1 }),
            ["confirmShipment"] = await MutateAsync(_warehouse, "confirmShipment", "ConfirmShipmentInput",
                new { orderId = id, carrier = "DHL", trackingNumber = "JD014600006281", shipmentId = (string?)null }),
        };

        Assert.All(steps.Values, payload => Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(steps), fakeClock: false));
    }

    /// <remarks>
    /// Invoicing and completion belong to Finance, a role the shop's key was not granted (the automation invoices after the
    /// last shipment): the payloads of its attempts are refusals, pinned here.
    /// </remarks>
    [Fact]
    public async Task WarehouseSteps_InvoiceAndCompletion_Refused_AnswerUserErrorsWithCodesAndFields()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-FLOW-BAD");

        var refusals = new Dictionary<string, JsonElement>
        {
            ["confirmShipmentBeforePacking"] = await MutateAsync(_warehouse, "confirmShipment", "ConfirmShipmentInput",
                new { orderId = id, carrier = "DHL", trackingNumber = "JD014600006281", shipmentId = (string?)null }),
            ["releaseUnknownOrder"] = await MutateAsync(_warehouse, "releaseOrder", "ReleaseOrderInput", new { orderId = Guid.NewGuid() }),
            ["invoiceByAnApiClient"] = await MutateAsync(_shop, "invoiceOrder", "InvoiceOrderInput", new { orderId = id }),
            ["completeByAnApiClient"] = await MutateAsync(_shop, "completeOrder", "CompleteOrderInput", new { orderId = id }),
        };

        Assert.All(refusals.Values, payload => Assert.NotEqual(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(refusals), fakeClock: false));
    }

    [Fact]
    public async Task Holds_PlacedAndReleased_AnswerTheOrderWithItsHold()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-HOLD");

        var placed = await MutateAsync(_shop, "placeHold", "PlaceHoldInput", new { orderId = id, type = "ADDRESS_VALIDATION", reason = "The street is missing its number." });
        var holdId = placed.GetProperty("order").GetProperty("holds")[0].GetProperty("id").GetString();
        var released = await MutateAsync(_shop, "releaseHold", "ReleaseHoldInput", new { orderId = id, holdId, resolution = "The customer confirmed the address." });

        var steps = new Dictionary<string, JsonElement> { ["placeHold"] = placed, ["releaseHold"] = released };
        Assert.All(steps.Values, payload => Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(steps), fakeClock: false));
    }

    [Fact]
    public async Task Holds_Refused_AnswerUserErrorsWithCodesAndFields()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-HOLD-BAD");

        var refusals = new Dictionary<string, JsonElement>
        {
            ["placeHoldWithoutReason"] = await MutateAsync(_shop, "placeHold", "PlaceHoldInput", new { orderId = id, type = "ADDRESS_VALIDATION", reason = "" }),
            ["releaseUnknownHold"] = await MutateAsync(_shop, "releaseHold", "ReleaseHoldInput", new { orderId = id, holdId = Guid.NewGuid(), resolution = "Resolved." }),
        };

        Assert.All(refusals.Values, payload => Assert.NotEqual(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(refusals), fakeClock: false));
    }

    [Fact]
    public async Task CancelOrder_Succeeded_AnswersTheCancelledOrder()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-CANCEL");

        var cancelled = await MutateAsync(_shop, "cancelOrder", "CancelOrderInput", new { orderId = id, reason = "Customer changed their mind" });

        Assert.Equal(0, cancelled.GetProperty("userErrors").GetArrayLength());
        CommittedSnapshot.Match(SnapshotJson.Normalise(cancelled, fakeClock: false));
    }

    [Fact]
    public async Task CancelOrder_Refused_AnswersUserErrorsWithCodesAndFields()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-CANCEL-BAD");

        var refusals = new Dictionary<string, JsonElement>
        {
            ["withoutReason"] = await MutateAsync(_shop, "cancelOrder", "CancelOrderInput", new { orderId = id, reason = "" }),
            ["unknownOrder"] = await MutateAsync(_shop, "cancelOrder", "CancelOrderInput", new { orderId = Guid.NewGuid(), reason = "Customer changed their mind" }),
        };

        Assert.All(refusals.Values, payload => Assert.NotEqual(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(refusals), fakeClock: false));
    }

    [Fact]
    public async Task Amendments_Succeeded_AnswerTheOrderWithItsAddressHoldPlacedThenReleased()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-AMEND");

        var steps = new Dictionary<string, JsonElement>
        {
            ["amendOrderShipToABadPostalCode"] = await MutateAsync(_shop, "amendOrderShipTo", "AmendOrderShipToInput",
                new { orderId = id, shipTo = new { name = "Anna Schmidt", line1 = "Torstraße 1", line2 = "Hinterhaus", city = "Berlin", postalCode = "1011", country = "DE" } }),
            ["amendOrderShipToAGoodAddress"] = await MutateAsync(_shop, "amendOrderShipTo", "AmendOrderShipToInput",
                new { orderId = id, shipTo = new { name = "Anna Schmidt", line1 = "Torstraße 1", line2 = "Hinterhaus", city = "Berlin", postalCode = "10119", country = "DE" } }),
            ["amendOrderPriority"] = await MutateAsync(_shop, "amendOrderPriority", "AmendOrderPriorityInput", new { orderId = id, priority = "URGENT" }),
        };

        Assert.All(steps.Values, payload => Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(steps), fakeClock: false));
    }

    [Fact]
    public async Task Amendments_Refused_AnswerUserErrorsWithCodesAndFields()
    {
        var id = await CapturedAndAllocatedAsync("SNAP-AMEND-BAD");

        var refusals = new Dictionary<string, JsonElement>
        {
            ["shipToIncomplete"] = await MutateAsync(_shop, "amendOrderShipTo", "AmendOrderShipToInput",
                new { orderId = id, shipTo = new { name = "Anna Schmidt", line1 = " ", city = "Berlin", postalCode = "10115", country = "Germany" } }),
            ["shipToUnchanged"] = await MutateAsync(_shop, "amendOrderShipTo", "AmendOrderShipToInput",
                new { orderId = id, shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" } }),
            ["priorityOfAReleasedOrder"] = await MutateAsync(_shop, "amendOrderPriority", "AmendOrderPriorityInput",
                new { orderId = await ReleasedAsync(id), priority = "URGENT" }),
            ["priorityOfAnUnknownOrder"] = await MutateAsync(_shop, "amendOrderPriority", "AmendOrderPriorityInput", new { orderId = Guid.NewGuid(), priority = "LOW" }),
        };

        Assert.All(refusals.Values, payload => Assert.NotEqual(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(refusals), fakeClock: false));
    }

    private async Task<string> ReleasedAsync(string id)
    {
        Assert.Equal(0, (await MutateAsync(_warehouse, "releaseOrder", "ReleaseOrderInput", new { orderId = id })).GetProperty("userErrors").GetArrayLength());
        return id;
    }

    private async Task<JsonElement> CaptureAsync(string externalId, int quantity, string email = "anna.schmidt@example.com") =>
        (await Api.DataAsync(_shop, $"mutation Capture($input: CaptureOrderInput!) {{ captureOrder(input: $input) {{ wasAlreadyCaptured {Payload} }} }}", new
        {
            input = new
            {
                channel = "WEB",
                externalOrderId = externalId,
                serviceLevel = "STANDARD",
                customer = new { email, name = "Anna Schmidt" },
                shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" },
                lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
            },
        })).GetProperty("captureOrder");

    /// <summary>Captured, then validated and allocated by the automation this test runs itself.</summary>
    private async Task<string> CapturedAndAllocatedAsync(string externalId)
    {
        var captured = await CaptureAsync(externalId, quantity: 1);
        Assert.Equal(0, captured.GetProperty("userErrors").GetArrayLength());
        await Api.SettleAsync();
        return captured.GetProperty("order").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> MutateAsync(string key, string mutation, string inputType, object input) =>
        (await Api.DataAsync(key, $"mutation($i: {inputType}!) {{ {mutation}(input: $i) {{ {Payload} }} }}", new { i = input })).GetProperty(mutation);
}
