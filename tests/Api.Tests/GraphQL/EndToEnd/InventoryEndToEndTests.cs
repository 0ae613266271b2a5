using System.Text.Json;
using EcomErp.Domain.Access;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.EndToEnd;

/// <summary>A storefront watches a channel's availability and a planner a SKU's position on WebSockets while stock moves over HTTP.</summary>
public abstract class InventoryEndToEndTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private const string AvailabilitySubscription = """
        subscription Watch($channel: String!, $skus: [String!]) {
          availabilityChanged(channel: $channel, skus: $skus) { channel sku availableToPromise priorityAvailableToPromise committed sequence occurredAt }
        }
        """;

    private const string InventorySubscription = """
        subscription Watch($sku: String) {
          inventoryChanged(sku: $sku) { sku occurredAt position { sku lastSequence locations { location levels { available damaged } } channels { channel availableToPromise } } }
        }
        """;

    private const string Position = """
        query($sku: String!) { inventoryPosition(sku: $sku) { lastSequence locations { location safetyStock levels { available } } channels { channel availableToPromise locations } } }
        """;

    private const string MoveStock = """
        mutation Move($input: MoveStockInput!) { moveStock(input: $input) { userErrors { code } } }
        """;

    protected LiveApi Api { get; private set; } = null!;

    protected abstract Task<string?> RedisAsync();

    public async Task InitializeAsync() => Api = await LiveApi.StartAsync(await RedisAsync());

    public virtual async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task AMove_IsHeardAsTheChannelsNewAvailability_AndAsTheSkusPosition_AndTheQueriesAgree()
    {
        var reader = await Api.IssueKeyAsync([ApiScopes.InventoryRead]);
        var planner = await Api.IssueKeyAsync([ApiScopes.InventoryRead, ApiScopes.InventoryWrite]);
        var before = await ProjectedPositionAsync(reader);
        var web = Channel(before, "WEB");
        var location = before.GetProperty("locations").EnumerateArray().First(l =>
            web.GetProperty("locations").EnumerateArray().Any(w => w.GetString() == l.GetProperty("location").GetString())
            && l.GetProperty("levels").GetProperty("available").GetInt32() - l.GetProperty("safetyStock").GetInt32() >= 2)
            .GetProperty("location").GetString();
        await using var storefront = await Api.SubscribeAsync(reader, AvailabilitySubscription, new { channel = "web", skus = new[] { Sku } });
        await using var watcher = await Api.SubscribeAsync(reader, InventorySubscription, new { sku = Sku });
        // graphql-transport-ws does not acknowledge a subscribe: the pong after it says the subscription is attached, so the
        // move's notifications reach it however soon the pipeline publishes them.
        Assert.Empty(await storefront.UntilPongAsync());
        Assert.Empty(await watcher.UntilPongAsync());

        var moved = (await Api.DataAsync(planner, MoveStock, new { input = new { sku = Sku, location, from = "AVAILABLE", to = "DAMAGED", quantity = 2 } }))
            .GetProperty("moveStock");

        Assert.Equal(0, moved.GetProperty("userErrors").GetArrayLength());
        var heard = (await storefront.NextAsync()).GetProperty("availabilityChanged");
        Assert.Equal(("WEB", Sku), (heard.GetProperty("channel").GetString(), heard.GetProperty("sku").GetString()));
        Assert.Equal(web.GetProperty("availableToPromise").GetInt32() - 2, heard.GetProperty("availableToPromise").GetInt32());
        var changed = (await watcher.NextAsync()).GetProperty("inventoryChanged");
        var position = changed.GetProperty("position");
        Assert.Equal(heard.GetProperty("sequence").GetInt64(), position.GetProperty("lastSequence").GetInt64());
        Assert.Equal(heard.GetProperty("availableToPromise").GetInt32(), Channel(position, "WEB").GetProperty("availableToPromise").GetInt32());

        // A subscriber that queries on receipt sees what it heard.
        var availability = (await Api.DataAsync(reader, "query($skus: [String!]!) { availability(skus: $skus, channel: \"WEB\") { skus { availableToPromise } } }",
            new { skus = new[] { Sku } })).GetProperty("availability");
        Assert.Equal(heard.GetProperty("availableToPromise").GetInt32(), availability.GetProperty("skus")[0].GetProperty("availableToPromise").GetInt32());
        Assert.Equal(position.GetProperty("lastSequence").GetInt64(),
            (await Api.DataAsync(reader, Position, new { sku = Sku })).GetProperty("inventoryPosition").GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task APartnerKey_HearsOnlyItsOwnChannel_AndIsRefusedAnother()
    {
        var partner = await Api.IssueKeyAsync([ApiScopes.InventoryRead], ["MKT-ZALANDO"]);
        var planner = await Api.IssueKeyAsync([ApiScopes.InventoryRead, ApiScopes.InventoryWrite]);
        var before = await ProjectedPositionAsync(planner);
        var berlin = before.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("location").GetString() == "WH-BERLIN");
        await using var refused = await Api.SubscribeAsync(partner, AvailabilitySubscription, new { channel = "WEB" });
        await using var own = await Api.SubscribeAsync(partner, AvailabilitySubscription, new { channel = "MKT-ZALANDO" });
        await using var positions = await Api.SubscribeAsync(partner, InventorySubscription, new { sku = Sku });

        var error = await RefusalAsync(refused);
        Assert.Empty(await own.UntilPongAsync());
        Assert.Empty(await positions.UntilPongAsync());
        await Api.DataAsync(planner, MoveStock, new
        {
            input = new { sku = Sku, location = "WH-BERLIN", from = "AVAILABLE", to = "DAMAGED", quantity = berlin.GetProperty("levels").GetProperty("available").GetInt32() },
        });

        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        var heard = (await own.NextAsync()).GetProperty("availabilityChanged");
        Assert.Equal(("MKT-ZALANDO", Sku), (heard.GetProperty("channel").GetString(), heard.GetProperty("sku").GetString()));
        var position = (await positions.NextAsync()).GetProperty("inventoryChanged").GetProperty("position");
        Assert.Equal(["MKT-ZALANDO"], position.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task AKeyWithoutInventoryRead_IsRefusedBothSubscriptions()
    {
        var ordersOnly = await Api.IssueKeyAsync([ApiScopes.OrdersRead]);
        await using var availability = await Api.SubscribeAsync(ordersOnly, AvailabilitySubscription, new { channel = "WEB" });
        await using var inventory = await Api.SubscribeAsync(ordersOnly, InventorySubscription, new { sku = Sku });

        foreach (var refused in new[] { availability, inventory })
            Assert.Equal("FORBIDDEN", (await RefusalAsync(refused)).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task MalformedOrUnknownArguments_AreRefusedWithTheQueriesCodes_AsAnErrorMessage_BeforeAnythingIsSubscribed()
    {
        var reader = await Api.IssueKeyAsync([ApiScopes.InventoryRead]);
        var cases = new (string Query, object Variables, string Code)[]
        {
            (AvailabilitySubscription, new { channel = "NOT A CHANNEL" }, "CHANNEL_CODE_INVALID"),
            (AvailabilitySubscription, new { channel = "NO-SUCH-CHANNEL" }, "CHANNEL_NOT_FOUND"),
            (AvailabilitySubscription, new { channel = "WEB", skus = new[] { "NOT A SKU" } }, "SKU_CODE_INVALID"),
            (AvailabilitySubscription, new { channel = "WEB", skus = new[] { Sku, "NO-SUCH-SKU" } }, "INVENTORY_UNKNOWN_SKU"),
            (AvailabilitySubscription, new { channel = "WEB", skus = Enumerable.Range(0, 101).Select(i => $"SKU-{i}").ToArray() }, "AVAILABILITY_TOO_MANY_SKUS"),
            (InventorySubscription, new { sku = "NOT A SKU" }, "SKU_CODE_INVALID"),
            (InventorySubscription, new { sku = "NO-SUCH-SKU" }, "INVENTORY_UNKNOWN_SKU"),
        };

        foreach (var (query, variables, code) in cases)
        {
            await using var refused = await Api.SubscribeAsync(reader, query, variables);
            Assert.Equal(code, (await RefusalAsync(refused)).GetProperty("extensions").GetProperty("code").GetString());
        }

        // The query answers the same arguments with the same codes.
        var (_, body) = await Api.PostAsync(reader, "query($skus: [String!]!) { availability(channel: \"NO-SUCH-CHANNEL\", skus: $skus) { channel } }", new { skus = new[] { Sku } });
        Assert.Equal("CHANNEL_NOT_FOUND", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>
    /// The refusal of a subscription: the protocol's error message (its payload the errors), then nothing for that
    /// operation, neither an event nor a complete, as the ping after it shows.
    /// </summary>
    private static async Task<JsonElement> RefusalAsync(GraphQLWebSocketClient refused)
    {
        var message = await refused.ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "error" && message.GetProperty("id").GetString() == "1", message.ToString());
        Assert.Empty(await refused.UntilPongAsync());
        return message.GetProperty("payload")[0];
    }

    /// <summary>The position once the seed is projected: the worker does it on its own, this makes sure it is done (one run at a time).</summary>
    private async Task<JsonElement> ProjectedPositionAsync(string key)
    {
        await Api.Services.ProjectReadModelsAsync();
        var position = (await Api.DataAsync(key, Position, new { sku = Sku })).GetProperty("inventoryPosition");
        Assert.Equal(JsonValueKind.Object, position.ValueKind);
        return position;
    }

    private static JsonElement Channel(JsonElement position, string channel) =>
        position.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);
}

public sealed class InProcessInventoryEndToEndTests : InventoryEndToEndTests
{
    protected override Task<string?> RedisAsync() => Task.FromResult<string?>(null);
}

/// <summary>The same journeys with the Redis cache and pub/sub, against a real redis-server.</summary>
public sealed class RedisInventoryEndToEndTests : InventoryEndToEndTests
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
