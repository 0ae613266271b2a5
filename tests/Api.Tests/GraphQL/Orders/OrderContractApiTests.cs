using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>The order contract a storefront builds on: Money on lines, enums for what it branches on, the order lists, node(id).</summary>
public sealed class OrderContractApiTests : IAsyncLifetime
{
    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _shop = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _shop = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private async Task<JsonElement> CaptureAsync(object input, string selection = "order { id } userErrors { code field message }") =>
        (await Api.DataAsync(_shop, $"mutation($input: CaptureOrderInput!) {{ captureOrder(input: $input) {{ {selection} }} }}", new { input }))
            .GetProperty("captureOrder");

    private async Task<string> CaptureAsync(string externalId, string email = "anna.schmidt@example.com", decimal unitPrice = 25.00m)
    {
        var input = OrderFlowEndToEndTests.CaptureInput(externalId, unitPrice: unitPrice);
        var json = JsonSerializer.SerializeToNode(input)!;
        json["customer"]!["email"] = email;
        var payload = await CaptureAsync(json);
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task OrderLines_ShowUnitPriceAndLineTotalAsMoney_InTheLinesCurrency()
    {
        var input = JsonSerializer.SerializeToNode(OrderFlowEndToEndTests.CaptureInput("MONEY-1", quantity: 3))!;
        input["lines"]![0]!["unitPrice"] = JsonSerializer.SerializeToNode(OrderFlowEndToEndTests.Price(19.9m, "GBP"));

        var payload = await CaptureAsync(input, "order { total { amount currencyCode } lines { unitPrice { amount currencyCode } lineTotal { amount currencyCode } } } userErrors { code }");

        var line = payload.GetProperty("order").GetProperty("lines")[0];
        Assert.Equal(("19.90", "GBP"), (line.GetProperty("unitPrice").GetProperty("amount").GetString(), line.GetProperty("unitPrice").GetProperty("currencyCode").GetString()));
        Assert.Equal(("59.70", "GBP"), (line.GetProperty("lineTotal").GetProperty("amount").GetString(), line.GetProperty("lineTotal").GetProperty("currencyCode").GetString()));
        Assert.Equal("GBP", payload.GetProperty("order").GetProperty("total").GetProperty("currencyCode").GetString());
    }

    [Fact]
    public async Task Capture_WithLinesInTwoCurrencies_OrAnUnsupportedOne_IsAUserErrorAtThatLinesCurrency_AndStoresNothing()
    {
        var mixed = JsonSerializer.SerializeToNode(OrderFlowEndToEndTests.CaptureInput("MIXED-1"))!;
        mixed["lines"]!.AsArray().Add(JsonSerializer.SerializeToNode(new { sku = "TEE-CREW-L-BLK", quantity = 1, unitPrice = OrderFlowEndToEndTests.Price(10m, "USD") }));
        var unsupported = JsonSerializer.SerializeToNode(OrderFlowEndToEndTests.CaptureInput("MIXED-2"))!;
        unsupported["lines"]![0]!["unitPrice"] = JsonSerializer.SerializeToNode(OrderFlowEndToEndTests.Price(10m, "XYZ"));

        var errors = new List<(string?, string?)>();
        foreach (var input in new[] { mixed, unsupported })
        {
            var payload = await CaptureAsync(input);
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
            errors.AddRange(payload.GetProperty("userErrors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())));
        }
        await Api.SettleAsync();

        Assert.Equal([("ORDER_LINE_CURRENCY_MISMATCH", "lines[1].unitPrice.currencyCode"), ("CURRENCY_UNSUPPORTED", "lines[0].unitPrice.currencyCode")], errors);
        Assert.Equal(0, (await Api.DataAsync(_shop, "{ orders { totalCount } }")).GetProperty("orders").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task HoldEntriesOfTheTimeline_AreEnumActionsWithTheirHoldType()
    {
        var id = await CaptureAsync("TIMELINE-1");
        await Api.SettleAsync();
        await Api.DataAsync(_shop, "mutation($i: PlaceHoldInput!) { placeHold(input: $i) { userErrors { code } } }",
            new { i = new { orderId = id, type = "MANUAL", reason = "Customer asked us to wait" } });
        await Api.SettleAsync();

        var order = (await Api.DataAsync(_shop, "query($id: ID!) { order(id: $id) { timeline { action holdType occurredAt } statusTimestamps { status enteredAt } } }", new { id }))
            .GetProperty("order");

        var entries = order.GetProperty("timeline").EnumerateArray().Select(t => (t.GetProperty("action").GetString(), t.GetProperty("holdType").ValueKind == JsonValueKind.Null ? null : t.GetProperty("holdType").GetString())).ToList();
        Assert.Equal(("CAPTURED", null), entries[0]);
        Assert.Equal(("HOLD_PLACED", "MANUAL"), entries[^1]);
        Assert.Equal("CAPTURED", order.GetProperty("statusTimestamps")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Orders_FilterByCustomerEmailInAnyCase_ExternalIdAndOpenHoldType()
    {
        var anna = await CaptureAsync("FILTER-1", "anna@example.com");
        var held = await CaptureAsync("FILTER-2", "ben@example.com");
        await CaptureAsync("FILTER-3", "ben@example.com");
        await Api.SettleAsync();
        await Api.DataAsync(_shop, "mutation($i: PlaceHoldInput!) { placeHold(input: $i) { userErrors { code } } }",
            new { i = new { orderId = held, type = "MANUAL", reason = "Customer asked us to wait" } });
        await Api.SettleAsync();
        const string Query = "query($f: OrderFilter) { orders(filter: $f) { totalCount nodes { id } } }";

        async Task<List<string>> IdsAsync(object filter) => [.. (await Api.DataAsync(_shop, Query, new { f = filter })).GetProperty("orders").GetProperty("nodes")
            .EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];

        Assert.Equal([anna], await IdsAsync(new { customerEmail = "ANNA@Example.com" }));
        Assert.Equal([held], await IdsAsync(new { externalOrderId = "FILTER-2" }));
        Assert.Equal([held], await IdsAsync(new { holdTypes = new[] { "MANUAL", "FRAUD_REVIEW" } }));
        Assert.Equal([held], await IdsAsync(new { onHold = true, customerEmail = "ben@example.com" }));
        Assert.Empty(await IdsAsync(new { holdTypes = new[] { "CREDIT_CHECK" } }));
    }

    [Fact]
    public async Task Orders_PagedBackwardWithLastAndBefore_GiveTheSameOrdersAsForward_ForEverySort()
    {
        for (var i = 0; i < 7; i++)
            await CaptureAsync($"PAGES-{i}", unitPrice: 10m + i % 3);
        await Api.SettleAsync();
        const string Query = """
            query($sort: OrderSort, $first: Int, $after: String, $last: Int, $before: String) {
              orders(sort: $sort, first: $first, after: $after, last: $last, before: $before) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } } }
            """;

        foreach (var field in new[] { "CAPTURED_AT", "UPDATED_AT", "TOTAL", "STATUS" })
        {
            var sort = new { field, direction = "ASC" };
            var forward = new List<string>();
            string? after = null;
            JsonElement page;
            do
            {
                page = (await Api.DataAsync(_shop, Query, new { sort, first = 3, after })).GetProperty("orders");
                Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
                forward.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
                after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            }
            while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

            var backward = new List<string>();
            string? before = null;
            do
            {
                page = (await Api.DataAsync(_shop, Query, new { sort, last = 3, before })).GetProperty("orders");
                Assert.Equal(before is not null, page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
                backward.InsertRange(0, page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
                before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
            }
            while (page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

            Assert.Equal(7, forward.Count);
            Assert.Equal(forward, backward);
        }
    }

    [Fact]
    public async Task Orders_WithAnEmptyOrOutOfRangeCapturedRange_OrACursorOfAnotherSort_AreRefusedWithCodes()
    {
        await CaptureAsync("RANGE-1");
        await Api.SettleAsync();
        var cursor = (await Api.DataAsync(_shop, "{ orders(sort: { field: TOTAL }) { pageInfo { endCursor } } }"))
            .GetProperty("orders").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var (_, empty) = await Api.PostAsync(_shop, """{ orders(filter: { capturedFrom: "2026-03-02T10:00:00Z", capturedTo: "2026-03-02T10:00:00Z" }) { totalCount } }""");
        var (_, ancient) = await Api.PostAsync(_shop, """{ orders(filter: { capturedFrom: "1900-01-01T00:00:00Z" }) { totalCount } }""");
        var (_, otherSort) = await Api.PostAsync(_shop, "query($after: String) { orders(sort: { field: STATUS }, after: $after) { totalCount } }", new { after = cursor });

        Assert.Equal("ORDER_FILTER_RANGE_INVALID", empty.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("filter.capturedTo", empty.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("DATE_OUT_OF_RANGE", ancient.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("CURSOR_MISMATCH", otherSort.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task NodeAndNodes_RefetchOrdersById_InOneBatchedRead_NullForUnknownIds()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await CaptureAsync($"NODE-{i}"));
        await Api.SettleAsync();
        Api.Reads.Reset();
        var unknown = Guid.NewGuid().ToString();

        var data = await Api.DataAsync(_shop, """
            query($id: ID!, $ids: [ID!]!) {
              node(id: $id) { __typename id ... on Order { externalOrderId } }
              nodes(ids: $ids) { id ... on Order { externalOrderId status } } }
            """, new { id = ids[1], ids = new[] { ids[2], unknown, ids[0], ids[1] } });

        Assert.Equal(("Order", ids[1], "NODE-1"), (data.GetProperty("node").GetProperty("__typename").GetString(), data.GetProperty("node").GetProperty("id").GetString(),
            data.GetProperty("node").GetProperty("externalOrderId").GetString()));
        var nodes = data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal([ids[2], null, ids[0], ids[1]], nodes.Select(n => n.ValueKind == JsonValueKind.Null ? null : n.GetProperty("id").GetString()));
        Assert.Equal(2, Api.Reads.Many);
        Assert.Equal(0, Api.Reads.Single);
    }

    [Fact]
    public async Task Nodes_RefuseMoreThan100Ids_AndMalformedOnes_AndHideOrdersWithoutTheScopeOrOutsideAPartnersChannels()
    {
        var id = await CaptureAsync("NODE-SCOPE");
        await Api.SettleAsync();
        var inventoryOnly = await Api.IssueKeyAsync(ApiScopes.InventoryRead);
        var partner = await Api.IssueKeyAsync([ApiScopes.OrdersRead], ["MKT-AMAZON"]);
        var own = await Api.IssueKeyAsync([ApiScopes.OrdersRead], ["WEB"]);

        var (_, tooMany) = await Api.PostAsync(_shop, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Range(0, 101).Select(_ => id).ToArray() });
        var (_, malformed) = await Api.PostAsync(_shop, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { id, "nope" } });

        Assert.Equal("INVALID_ARGUMENT", tooMany.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("INVALID_ARGUMENT", malformed.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("ids[1]", malformed.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        foreach (var key in new[] { inventoryOnly, partner })
            Assert.Equal(JsonValueKind.Null, (await Api.DataAsync(key, "query($id: ID!) { node(id: $id) { id } }", new { id })).GetProperty("node").ValueKind);
        Assert.Equal(id, (await Api.DataAsync(own, "query($id: ID!) { node(id: $id) { id } }", new { id })).GetProperty("node").GetProperty("id").GetString());
    }
}
