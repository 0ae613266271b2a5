using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Inventory;

/// <summary>The inventory ledger as API clients read it: from its read model, newest first, on the real host and its SQLite file.</summary>
public sealed class InventoryLedgerQueryTests : IAsyncLifetime
{
    private const string Location = "WH-BERLIN";

    private const string Ledger = """
        query Ledger($sku: String!, $location: String, $filter: InventoryLedgerFilter, $first: Int, $after: String, $last: Int, $before: String) {
          inventoryLedger(sku: $sku, location: $location, filter: $filter, first: $first, after: $after, last: $last, before: $before) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { sequence sku location from to quantity reasonCode reference actorId channel occurredAt levelsAfter { available damaged qualityHold } } }
          }
        }
        """;

    private string _reader = null!;
    private string _inventory = null!;
    private string _ordersOnly = null!;
    private string _sku = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _reader = await Api.IssueKeyAsync(ApiScopes.InventoryRead);
        _inventory = await Api.IssueKeyAsync(ApiScopes.InventoryWrite);
        _ordersOnly = await Api.IssueKeyAsync(ApiScopes.OrdersRead);
        await Api.SettleAsync();
        _sku = (await Api.SkuWithAvailableAsync(Location, 10)).Sku;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task AMove_ShowsAsTheNewestEntry_OnceProjected_WithTheLevelsAfterIt()
    {
        var before = await LedgerAsync(new { sku = _sku, location = Location, first = 1 });

        await MoveAsync("AVAILABLE", "DAMAGED", 2);
        var beforeProjection = await LedgerAsync(new { sku = _sku, location = Location, first = 1 });
        await Api.SettleAsync();
        var after = await LedgerAsync(new { sku = _sku, location = Location, first = 1 });

        Assert.Equal(before.ToString(), beforeProjection.ToString());
        Assert.Equal(before.GetProperty("totalCount").GetInt32() + 1, after.GetProperty("totalCount").GetInt32());
        var newest = Nodes(after).Single();
        Assert.Equal((_sku, Location, "AVAILABLE", "DAMAGED", 2, "DAMAGE_RECORDED"),
            (newest.GetProperty("sku").GetString(), newest.GetProperty("location").GetString(), newest.GetProperty("from").GetString(),
                newest.GetProperty("to").GetString(), newest.GetProperty("quantity").GetInt32(), newest.GetProperty("reasonCode").GetString()));
        var levels = await Api.LevelsAsync(_sku, Location);
        Assert.Equal((levels.Available, levels.Damaged),
            (newest.GetProperty("levelsAfter").GetProperty("available").GetInt32(), newest.GetProperty("levelsAfter").GetProperty("damaged").GetInt32()));
        Assert.True(newest.GetProperty("sequence").GetInt64() > Nodes(before).Single().GetProperty("sequence").GetInt64());
        Assert.True(after.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task Pages_ForwardAndBackward_WithKeysetCursors_ShowEveryEntryOnce()
    {
        for (var i = 0; i < 4; i++)
            await MoveAsync("AVAILABLE", "QUALITY_HOLD", 1);
        await Api.SettleAsync();
        var all = Sequences(await LedgerAsync(new { sku = _sku, location = Location, first = 100 }));

        var forward = new List<long>();
        string? after = null;
        JsonElement page;
        do
        {
            page = await LedgerAsync(new { sku = _sku, location = Location, first = 2, after });
            forward.AddRange(Sequences(page));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var backward = new List<long>();
        string? before = null;
        do
        {
            page = await LedgerAsync(new { sku = _sku, location = Location, last = 2, before });
            backward.InsertRange(0, Sequences(page));
            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        Assert.True(all.Count >= 5);
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal(all, forward);
        Assert.Equal(all, backward);
    }

    [Fact]
    public async Task TheFilter_NarrowsByReasonCodeAndTime()
    {
        var seeded = Nodes(await LedgerAsync(new { sku = _sku, location = Location, first = 1 })).Single().GetProperty("occurredAt").GetString();
        await MoveAsync("AVAILABLE", "DAMAGED", 1);
        await MoveAsync("AVAILABLE", "QUALITY_HOLD", 1);
        await Api.SettleAsync();

        var damage = await LedgerAsync(new { sku = _sku, filter = new { reasonCodes = new[] { "DAMAGE_RECORDED" } } });
        var untilSeed = await LedgerAsync(new { sku = _sku, location = Location, filter = new { occurredTo = seeded } });

        Assert.Equal("DAMAGE_RECORDED", Nodes(damage).Single().GetProperty("reasonCode").GetString());
        Assert.Equal(1, damage.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain(Nodes(untilSeed), n => n.GetProperty("reasonCode").GetString() is "DAMAGE_RECORDED" or "QUALITY_HOLD_PLACED");
    }

    [Theory]
    [InlineData("""{ inventoryLedger(sku: "NO-SUCH-SKU") { totalCount } }""", "INVENTORY_UNKNOWN_SKU", "sku")]
    [InlineData("""{ inventoryLedger(sku: "not a sku!") { totalCount } }""", "SKU_CODE_INVALID", "sku")]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", location: "WH-NOWHERE") { totalCount } }""", "INVENTORY_UNKNOWN_LOCATION", "location")]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", filter: { occurredFrom: "2026-03-02T10:00:00Z", occurredTo: "2026-03-02T09:00:00Z" }) { totalCount } }""",
        "INVENTORY_TIME_RANGE_INVALID", "filter.occurredTo")]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", first: 101) { totalCount } }""", "INVALID_ARGUMENT", null)]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", last: -1) { totalCount } }""", "INVALID_ARGUMENT", null)]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", first: 2, last: 2) { totalCount } }""", "INVALID_ARGUMENT", null)]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", after: "garbage") { totalCount } }""", "INVALID_CURSOR", null)]
    [InlineData("""{ inventoryLedger(sku: "TEE-CREW-M-BLK", before: "djE6bGVkZ2VyOi01") { totalCount } }""", "INVALID_CURSOR", null)]
    public async Task BadInput_IsAnErrorWithACode_AndNoData(string query, string code, string? field)
    {
        var (status, body) = await Api.PostAsync(_reader, query);

        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var error = body.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith(field ?? "", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownReasonCode_IsRefusedByTheSchema_BeforeExecution()
    {
        var (status, body) = await Api.PostAsync(_reader, """{ inventoryLedger(sku: "TEE-CREW-M-BLK", filter: { reasonCodes: [MISPLACED] }) { totalCount } }""");

        Assert.Equal(400, status);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("LedgerReason", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACursorOfAnotherList_IsInvalid_AndOneOfThisListWithOtherArguments_IsAMismatch()
    {
        var purchaseOrderCursor = (await Api.DataAsync(_reader, "{ purchaseOrders(first: 1) { pageInfo { endCursor } } }"))
            .GetProperty("purchaseOrders").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var atLocation = (await LedgerAsync(new { sku = _sku, location = Location, first = 1 })).GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var (_, otherList) = await Api.PostAsync(_reader, Ledger, new { sku = _sku, after = purchaseOrderCursor });
        var (_, otherFilter) = await Api.PostAsync(_reader, Ledger, new { sku = _sku, after = atLocation });
        var (_, otherReasons) = await Api.PostAsync(_reader, Ledger, new { sku = _sku, location = Location, filter = new { reasonCodes = new[] { "RESERVED" } }, before = atLocation });

        Assert.NotNull(purchaseOrderCursor);
        Assert.Equal("INVALID_CURSOR", otherList.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("CURSOR_MISMATCH", otherFilter.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("CURSOR_MISMATCH", otherReasons.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AKeyWithoutInventoryRead_IsForbidden()
    {
        var (status, body) = await Api.PostAsync(_ordersOnly, Ledger, new { sku = _sku });

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task MoveAsync(string from, string to, int quantity)
    {
        var payload = await Api.MutateAsync(_inventory, "moveStock", "MoveStockInput", "userErrors { code field } balance { version }",
            new { sku = _sku, location = Location, from, to, quantity });
        InventoryTestKit.Succeeded(payload, "balance");
    }

    private async Task<JsonElement> LedgerAsync(object variables) => (await Api.DataAsync(_reader, Ledger, variables)).GetProperty("inventoryLedger");

    private static List<JsonElement> Nodes(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))];

    private static List<long> Sequences(JsonElement connection) => [.. Nodes(connection).Select(n => n.GetProperty("sequence").GetInt64())];

}
