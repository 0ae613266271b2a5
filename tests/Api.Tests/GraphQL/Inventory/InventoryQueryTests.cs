using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Inventory;

/// <summary>The inventory position as API clients read it: from the read model, on the real host and its SQLite file.</summary>
public sealed class InventoryQueryTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private const string Position =
        "query Position($sku: String!) { inventoryPosition(sku: $sku) { sku lastSequence locations { location safetyStock levels { available reserved qualityHold damaged } } } }";

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
    public async Task InventoryPosition_ShowsTheSeededStock_ThenAMoveOnceProjected()
    {
        var before = await PositionAsync(Sku);
        var stocked = before.GetProperty("locations").EnumerateArray().First(l => Level(l, "available") >= 2);
        var location = stocked.GetProperty("location").GetString()!;

        var moved = (await Api.DataAsync(_inventory,
            "mutation Run($input: MoveStockInput!) { moveStock(input: $input) { userErrors { code } } }",
            new { input = new { sku = Sku, location, from = "AVAILABLE", to = "DAMAGED", quantity = 2 } })).GetProperty("moveStock");
        var beforeProjection = await PositionAsync(Sku);
        await Api.SettleAsync();
        var after = await PositionAsync(Sku);

        Assert.Equal(Sku, before.GetProperty("sku").GetString());
        Assert.Equal(0, moved.GetProperty("userErrors").GetArrayLength());
        Assert.Equal(before.ToString(), beforeProjection.ToString());
        var afterAtLocation = At(after, location);
        Assert.Equal(Level(stocked, "available") - 2, Level(afterAtLocation, "available"));
        Assert.Equal(Level(stocked, "damaged") + 2, Level(afterAtLocation, "damaged"));
        Assert.True(after.GetProperty("lastSequence").GetInt64() > before.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task InventoryPosition_OfAnUnknownSku_IsNull()
    {
        var data = await Api.DataAsync(_reader, Position, new { sku = "NO-SUCH-SKU" });

        Assert.Equal(JsonValueKind.Null, data.GetProperty("inventoryPosition").ValueKind);
    }

    [Fact]
    public async Task AKeyWithoutInventoryRead_IsForbidden()
    {
        var (status, body) = await Api.PostAsync(_ordersOnly, Position, new { sku = Sku });

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private const string Availability =
        "query Availability($skus: [String!]!, $channel: String!, $quantity: Int) { availability(skus: $skus, channel: $channel, quantity: $quantity) { "
        + "channel asOf skus { sku availableToPromise usableStock priorityAvailableToPromise committed requestedQuantity earliestPromiseDate "
        + "locations { location available safetyStock usable } inbound { location purchaseOrderId expectedOn quantity } overTime { on availableToPromise } } } }";

    private const string Channels =
        "query Position($sku: String!) { inventoryPosition(sku: $sku) { channels { channel availableToPromise } committedByChannel { channel committed } inbound { location quantity } } }";

    [Fact]
    public async Task Availability_AnswersAPageOfSkusForTheChannel_AsTheirPositionsShowIt_InTheOrderAsked()
    {
        const string other = "TEE-CREW-L-BLK";

        var data = (await Api.DataAsync(_reader, Availability, new { skus = new[] { other, Sku.ToLowerInvariant() }, channel = "mkt-zalando", quantity = 1 }))
            .GetProperty("availability");

        Assert.Equal("MKT-ZALANDO", data.GetProperty("channel").GetString());
        var answers = data.GetProperty("skus").EnumerateArray().ToList();
        Assert.Equal([other, Sku], answers.Select(a => a.GetProperty("sku").GetString()));
        foreach (var answer in answers)
        {
            var position = (await Api.DataAsync(_reader, Channels, new { sku = answer.GetProperty("sku").GetString() })).GetProperty("inventoryPosition");
            var zalando = position.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "MKT-ZALANDO");
            Assert.Equal(zalando.GetProperty("availableToPromise").GetInt32(), answer.GetProperty("availableToPromise").GetInt32());
            Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM"], answer.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("location").GetString()));
            Assert.Equal(answer.GetProperty("usableStock").GetInt32(), answer.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("usable").GetInt32()));
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("priorityAvailableToPromise").ValueKind);
            Assert.All(answer.GetProperty("inbound").EnumerateArray(), i => Assert.Contains(i.GetProperty("location").GetString(), new[] { "WH-BERLIN", "WH-ROTTERDAM" }));
            Assert.Equal(answer.GetProperty("availableToPromise").GetInt32(), answer.GetProperty("overTime")[0].GetProperty("availableToPromise").GetInt32());
            if (answer.GetProperty("availableToPromise").GetInt32() >= 1)
                Assert.Equal(data.GetProperty("asOf").GetString(), answer.GetProperty("earliestPromiseDate").GetString());
        }
    }

    [Fact]
    public async Task Availability_WithAnUnknownSku_AnswersTheOthers_AndIsNullWithAnErrorAtThatSkuAlone()
    {
        var (status, body) = await Api.PostAsync(_reader, Availability, new { skus = new[] { "NO-SUCH-SKU", Sku }, channel = "WEB" });

        Assert.Equal(200, status);
        var skus = body.GetProperty("data").GetProperty("availability").GetProperty("skus");
        Assert.Equal(JsonValueKind.Null, skus[0].ValueKind);
        Assert.Equal(Sku, skus[1].GetProperty("sku").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVENTORY_UNKNOWN_SKU", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["availability", "skus", "0"], error.GetProperty("path").EnumerateArray().Select(p => p.ToString()));
    }

    [Fact]
    public async Task Availability_WithAMalformedSkuOrAnUnknownChannel_IsAnErrorWithItsCode_AndNoData()
    {
        var (_, malformed) = await Api.PostAsync(_reader, Availability, new { skus = new[] { "NOT A SKU" }, channel = "WEB" });
        var (_, channel) = await Api.PostAsync(_reader, Availability, new { skus = new[] { Sku, "NO-SUCH-SKU" }, channel = "NOPE" });

        Assert.Equal(["SKU_CODE_INVALID"], Codes(malformed));
        Assert.Equal(["CHANNEL_NOT_FOUND"], Codes(channel));
        Assert.Equal(JsonValueKind.Null, channel.GetProperty("data").GetProperty("availability").ValueKind);
    }

    [Fact]
    public async Task Availability_RefusesMoreSkusThanAPage_AnEmptyList_AndABadQuantity_ByName()
    {
        var tooMany = Enumerable.Range(0, 101).Select(i => $"SKU-{i}").ToArray();

        Assert.Contains("AVAILABILITY_TOO_MANY_SKUS", Codes((await Api.PostAsync(_reader, Availability, new { skus = tooMany, channel = "WEB" })).Body));
        Assert.Equal(["INVENTORY_NO_LINES"], Codes((await Api.PostAsync(_reader, Availability, new { skus = Array.Empty<string>(), channel = "WEB" })).Body));
        Assert.Equal(["INVENTORY_DUPLICATE_LINE"], Codes((await Api.PostAsync(_reader, Availability, new { skus = new[] { Sku, Sku }, channel = "WEB" })).Body));
        Assert.NotEmpty(Codes((await Api.PostAsync(_reader, Availability, new { skus = new[] { Sku }, channel = "WEB", quantity = 0 })).Body));
    }

    [Fact]
    public async Task Availability_ForAPartnerKey_IsItsOwnChannelsOnly_AndItsPositionShowsOnlyThose()
    {
        var partner = await Api.IssueKeyAsync([ApiScopes.InventoryRead], ["MKT-ZALANDO"]);

        var own = await Api.PostAsync(partner, Availability, new { skus = new[] { Sku }, channel = "MKT-ZALANDO" });
        var other = await Api.PostAsync(partner, Availability, new { skus = new[] { Sku }, channel = "WEB" });
        var position = (await Api.DataAsync(partner, Channels, new { sku = Sku })).GetProperty("inventoryPosition");

        Assert.False(own.Body.TryGetProperty("errors", out _));
        Assert.Equal(["FORBIDDEN"], Codes(other.Body));
        Assert.Equal(["MKT-ZALANDO"], position.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("channel").GetString()));
        Assert.All(position.GetProperty("committedByChannel").EnumerateArray(), c => Assert.Equal("MKT-ZALANDO", c.GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task Availability_WithoutInventoryRead_IsForbidden()
    {
        var (_, body) = await Api.PostAsync(_ordersOnly, Availability, new { skus = new[] { Sku }, channel = "WEB" });

        Assert.Equal(["FORBIDDEN"], Codes(body));
    }

    private static List<string?> Codes(JsonElement body) =>
        [.. body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString())];

    private async Task<JsonElement> PositionAsync(string sku)
    {
        var position = (await Api.DataAsync(_reader, Position, new { sku })).GetProperty("inventoryPosition");
        Assert.Equal(JsonValueKind.Object, position.ValueKind);
        return position;
    }

    private static JsonElement At(JsonElement position, string location) =>
        position.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("location").GetString() == location);

    private static int Level(JsonElement location, string bucket) => location.GetProperty("levels").GetProperty(bucket).GetInt32();
}
