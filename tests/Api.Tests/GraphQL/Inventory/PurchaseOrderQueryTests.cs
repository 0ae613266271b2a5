using System.Globalization;
using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Inventory;

/// <summary>Purchase orders as API clients read them: from their read model, on the real host and its SQLite file.</summary>
public sealed class PurchaseOrderQueryTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";
    private const string Fields =
        "id supplier location status nextExpectedOn createdBy createdAt confirmedAt lastReceiptAt cancelledAt cancellationReason updatedAt lastSequence "
        + "lines { lineNumber sku orderedQuantity receivedQuantity expectedOn }";

    private static readonly string ExpectedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string _reader = null!;
    private string _inventory = null!;
    private string _ordersOnly = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _reader = await Api.IssueKeyAsync(ApiScopes.InventoryRead);
        _inventory = await Api.IssueKeyAsync(ApiScopes.InventoryWrite);
        _ordersOnly = await Api.IssueKeyAsync(ApiScopes.OrdersRead);
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task PurchaseOrder_ShowsEachStepOnceProjected_WithItsTimes()
    {
        var id = await CreateAsync("TEXTIL-PORTO", "WH-LEEDS", 30);
        var beforeProjection = await PurchaseOrderAsync(id);
        await Api.SettleAsync();
        var draft = await PurchaseOrderAsync(id);
        Succeeded(await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", "userErrors { code } purchaseOrder { id }",
            new { purchaseOrderId = id }));
        Succeeded(await Api.MutateAsync(_inventory, "receivePurchaseOrder", "ReceivePurchaseOrderInput", "userErrors { code } purchaseOrder { id }",
            new { purchaseOrderId = id, lines = new[] { new { sku = Sku, quantity = 10 } } }));
        await Api.SettleAsync();
        var partly = await PurchaseOrderAsync(id);

        Assert.Equal(JsonValueKind.Null, beforeProjection.ValueKind);
        Assert.Equal(("DRAFT", "TEXTIL-PORTO", "WH-LEEDS", ExpectedOn), (Text(draft, "status"), Text(draft, "supplier"), Text(draft, "location"), Text(draft, "nextExpectedOn")));
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("confirmedAt").ValueKind);
        Assert.Equal("PARTIALLY_RECEIVED", Text(partly, "status"));
        Assert.Equal((30, 10), (partly.GetProperty("lines")[0].GetProperty("orderedQuantity").GetInt32(), partly.GetProperty("lines")[0].GetProperty("receivedQuantity").GetInt32()));
        Assert.NotNull(Text(partly, "confirmedAt"));
        Assert.NotNull(Text(partly, "lastReceiptAt"));
        Assert.Equal(ExpectedOn, Text(partly, "nextExpectedOn"));
        Assert.True(partly.GetProperty("lastSequence").GetInt64() > draft.GetProperty("lastSequence").GetInt64());
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task PurchaseOrders_FilterSortAndPage_InTheReadModel()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
            created.Add(await CreateAsync("KNIT-LISBOA", "WH-BERLIN", 5 + i));
        await Api.SettleAsync();
        const string Query = """
            query($after: String) { purchaseOrders(first: 2, after: $after, filter: { statuses: [DRAFT], supplier: "knit-lisboa", location: "wh-berlin" },
              sort: { field: CREATED_AT, direction: ASC }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id supplier } } } }
            """;

        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await Api.DataAsync(_reader, Query, new { after })).GetProperty("purchaseOrders");
            Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            hasNext = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (hasNext);
        var dueSoon = (await Api.DataAsync(_reader, """
            { purchaseOrders(first: 100, filter: { expectedBefore: "2100-01-01", statuses: [CONFIRMED] }, sort: { field: NEXT_EXPECTED_ON, direction: ASC }) {
              totalCount edges { node { nextExpectedOn status } } } }
            """)).GetProperty("purchaseOrders");

        Assert.Equal(created, seen);
        var dates = dueSoon.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("nextExpectedOn").GetString()!).ToList();
        Assert.Equal(3, dates.Count);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task PurchaseOrders_PagedBackwardWithLastAndBefore_GiveTheSameOrdersAsForward_WithPageInfoRightBothWays()
    {
        for (var i = 0; i < 5; i++)
            await CreateAsync("KNIT-LISBOA", "WH-BERLIN", 5 + i);
        await Api.SettleAsync();
        const string Query = """
            query($first: Int, $after: String, $last: Int, $before: String) {
              purchaseOrders(first: $first, after: $after, last: $last, before: $before, filter: { statuses: [DRAFT], supplier: "KNIT-LISBOA" }) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } } }
            """;

        var forward = new List<string>();
        var forwardInfo = new List<(bool Previous, bool Next)>();
        string? after = null;
        JsonElement page;
        do
        {
            page = (await Api.DataAsync(_reader, Query, new { first = 2, after })).GetProperty("purchaseOrders");
            forward.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            forwardInfo.Add(PageInfo(page));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (forwardInfo[^1].Next);

        var backward = new List<string>();
        var backwardInfo = new List<(bool Previous, bool Next)>();
        string? before = null;
        do
        {
            page = (await Api.DataAsync(_reader, Query, new { last = 2, before })).GetProperty("purchaseOrders");
            backward.InsertRange(0, page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            backwardInfo.Add(PageInfo(page));
            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }
        while (backwardInfo[^1].Previous);

        Assert.Equal(5, forward.Count);
        Assert.Equal(forward, backward);
        Assert.Equal([(false, true), (true, true), (true, false)], forwardInfo);
        Assert.Equal([(true, false), (true, true), (false, true)], backwardInfo);
    }

    [Fact]
    public async Task ACursorFromAnotherFilterOrSort_IsAMismatch_AndFromAnotherList_IsInvalid()
    {
        await CreateAsync("KNIT-LISBOA", "WH-BERLIN", 5);
        await Api.SettleAsync();
        const string Query = "query($filter: PurchaseOrderFilter, $sort: PurchaseOrderSort, $after: String) { purchaseOrders(first: 1, filter: $filter, sort: $sort, after: $after) { pageInfo { endCursor } } }";
        var cursor = (await Api.DataAsync(_reader, Query, new { filter = new { statuses = new[] { "DRAFT" } } }))
            .GetProperty("purchaseOrders").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var ledgerCursor = (await Api.DataAsync(_reader, "{ inventoryLedger(sku: \"TEE-CREW-M-BLK\", first: 1) { pageInfo { endCursor } } }"))
            .GetProperty("inventoryLedger").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var (_, sameArguments) = await Api.PostAsync(_reader, Query, new { filter = new { statuses = new[] { "DRAFT" } }, after = cursor });
        var (_, otherFilter) = await Api.PostAsync(_reader, Query, new { filter = new { statuses = new[] { "CONFIRMED" } }, after = cursor });
        var (_, otherSort) = await Api.PostAsync(_reader, Query, new { filter = new { statuses = new[] { "DRAFT" } }, sort = new { field = "UPDATED_AT" }, after = cursor });
        var (_, otherList) = await Api.PostAsync(_reader, Query, new { filter = new { statuses = new[] { "DRAFT" } }, after = ledgerCursor });

        Assert.False(sameArguments.TryGetProperty("errors", out _), sameArguments.ToString());
        Assert.Equal("CURSOR_MISMATCH", Code(otherFilter));
        Assert.Equal("CURSOR_MISMATCH", Code(otherSort));
        Assert.Equal("INVALID_CURSOR", Code(otherList));
    }

    [Fact]
    public async Task AMutation_AnswersWithThePurchaseOrderAQueryShows_FieldForField()
    {
        var created = InventoryTestKit.Succeeded(await Api.MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", $"userErrors {{ code }} purchaseOrder {{ version {Fields} }}",
            new { supplier = "TEXTIL-PORTO", location = "WH-LEEDS", lines = new[] { new { sku = Sku, quantity = 12, expectedOn = ExpectedOn } } }), "purchaseOrder");
        var id = Text(created, "id")!;
        var confirmed = InventoryTestKit.Succeeded(await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", $"userErrors {{ code }} purchaseOrder {{ version {Fields} }}",
            new { purchaseOrderId = id }), "purchaseOrder");
        await Api.SettleAsync();
        var queried = (await Api.DataAsync(_reader, $"query($id: ID!) {{ purchaseOrder(id: $id) {{ version {Fields} }} }}", new { id })).GetProperty("purchaseOrder");

        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("lastSequence").ValueKind);
        Assert.True(queried.GetProperty("lastSequence").GetInt64() > 0);
        Assert.Equal((1, 2), (created.GetProperty("version").GetInt32(), confirmed.GetProperty("version").GetInt32()));
        Assert.NotNull(Text(confirmed, "confirmedAt"));
        foreach (var field in confirmed.EnumerateObject().Where(f => f.Name != "lastSequence"))
            Assert.True(JsonElement.DeepEquals(field.Value, queried.GetProperty(field.Name)), $"{field.Name}: {field.Value} vs {queried.GetProperty(field.Name)}");
    }

    private static (bool Previous, bool Next) PageInfo(JsonElement connection) =>
        (connection.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean(), connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task AnUnknownId_IsNull()
    {
        var data = await Api.DataAsync(_reader, "query($id: ID!) { purchaseOrder(id: $id) { id } }", new { id = Guid.NewGuid() });

        Assert.Equal(JsonValueKind.Null, data.GetProperty("purchaseOrder").ValueKind);
    }

    [Theory]
    [InlineData("""{ purchaseOrder(id: "not-a-guid") { id } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ purchaseOrders(first: 101) { totalCount } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ purchaseOrders(after: "garbage") { totalCount } }""", "INVALID_CURSOR")]
    [InlineData("""{ purchaseOrders(before: "djE6bGVkZ2VyOjU") { totalCount } }""", "INVALID_CURSOR")]
    [InlineData("""{ purchaseOrders(first: 1, last: 1) { totalCount } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ purchaseOrders(filter: { supplier: "no supplier!" }) { totalCount } }""", "INVENTORY_SUPPLIER_INVALID")]
    [InlineData("""{ purchaseOrders(filter: { location: "WH-NOWHERE" }) { totalCount } }""", "INVENTORY_UNKNOWN_LOCATION")]
    [InlineData("""{ purchaseOrders(filter: { location: "no place!" }) { totalCount } }""", "LOCATION_CODE_INVALID")]
    public async Task BadInput_IsAnErrorWithACode_AndNoData(string query, string code)
    {
        var (status, body) = await Api.PostAsync(_reader, query);

        Assert.Equal(200, status);
        var data = body.GetProperty("data");
        Assert.True(data.ValueKind == JsonValueKind.Null || data.EnumerateObject().All(field => field.Value.ValueKind == JsonValueKind.Null), data.ToString());
        Assert.Equal(code, body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{ purchaseOrders(filter: { statuses: [SHIPPED] }) { totalCount } }""")]
    [InlineData("""{ purchaseOrders(filter: { expectedBefore: "next tuesday" }) { totalCount } }""")]
    [InlineData("""{ purchaseOrders(sort: { field: SUPPLIER }) { totalCount } }""")]
    public async Task AMalformedDocument_IsRefusedBeforeExecution(string query)
    {
        var (status, body) = await Api.PostAsync(_reader, query);

        Assert.Equal(400, status);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.True(body.GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task AKeyWithoutInventoryRead_IsForbidden()
    {
        var (status, body) = await Api.PostAsync(_ordersOnly, "{ purchaseOrders { totalCount } }");

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<string> CreateAsync(string supplier, string location, int quantity) =>
        InventoryTestKit.Succeeded(await Api.MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", "userErrors { code field } purchaseOrder { id }",
            new { supplier, location, lines = new[] { new { sku = Sku, quantity, expectedOn = ExpectedOn } } }), "purchaseOrder").GetProperty("id").GetString()!;

    private async Task<JsonElement> PurchaseOrderAsync(string id) =>
        (await Api.DataAsync(_reader, $"query($id: ID!) {{ purchaseOrder(id: $id) {{ {Fields} }} }}", new { id })).GetProperty("purchaseOrder");

    private static void Succeeded(JsonElement payload) => Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, payload.ToString());

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
