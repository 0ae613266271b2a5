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
