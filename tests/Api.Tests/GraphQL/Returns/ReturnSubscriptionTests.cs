using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>returnStatusChanged over the real websocket on Kestrel: a partner hears its own channel's returns and nothing else.</summary>
public sealed class ReturnSubscriptionTests : IAsyncLifetime
{
    private const string Partner = "MKT-ZALANDO";
    private const string Subscription = """
        subscription($channel: String) {
          returnStatusChanged(channel: $channel) { returnId rmaNumber channel status previousStatus sequence return { id status channel } }
        }
        """;

    private LiveApi _api = null!;
    private string _admin = null!;
    private string _partner = null!;

    public async Task InitializeAsync()
    {
        // No job server: the test moves the outbox itself, so every event is heard after the projection it asked for.
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });
        _admin = await _api.IssueKeyAsync([.. ApiScopes.All], [], [.. ApiClient.GrantableRoles]);
        _partner = await _api.IssueKeyAsync([.. ApiScopes.All], [Partner], [Roles.CustomerService]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Func<string, object, Task<JsonElement>> As(string key) => (query, variables) => _api.DataAsync(key, query, variables);

    [Fact]
    public async Task APartner_RequestsAReturnOnItsOwnOrder_CannotSeeAnotherChannelsReturns_AndHearsOnlyItsOwnStatusChanges()
    {
        var (foreignOrder, _) = await ReturnTestKit.ShippedOrderAsync(As(_admin), _api.SettleAsync, _admin, "WEB-RSUB-1");
        var (ownOrder, _) = await ReturnTestKit.ShippedOrderAsync(As(_admin), _api.SettleAsync, _admin, "ZAL-RSUB-1", Partner);
        await using var watcher = await _api.SubscribeAsync(_partner, Subscription, new { channel = Partner });
        Assert.Empty(await watcher.UntilPongAsync());
        await using var everything = await _api.SubscribeAsync(_partner, Subscription);
        Assert.Empty(await everything.UntilPongAsync());
        await using var elsewhere = await _api.SubscribeAsync(_partner, Subscription, new { channel = "WEB" });
        var refused = await elsewhere.ReceiveAsync();
        Assert.Equal(("error", "FORBIDDEN"), (refused.GetProperty("type").GetString(),
            refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()));

        var lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE" } };
        var foreign = Succeeded(await ReturnTestKit.StepAsync(As(_admin), "requestReturn", new { orderId = foreignOrder, lines }), "return").GetProperty("id").GetString();
        var own = Succeeded(await ReturnTestKit.StepAsync(As(_partner), "requestReturn", new { orderId = ownOrder, lines }), "return").GetProperty("id").GetString();
        await _api.SettleAsync();

        // The foreign return's events come first in the log; what the partner hears first is its own return's request.
        foreach (var socket in new[] { watcher, everything })
        {
            var requested = (await socket.NextAsync()).GetProperty("returnStatusChanged");
            var authorized = (await socket.NextAsync()).GetProperty("returnStatusChanged");
            Assert.Equal((own, Partner, "REQUESTED", null), (requested.GetProperty("returnId").GetString(), requested.GetProperty("channel").GetString(),
                requested.GetProperty("status").GetString(), requested.GetProperty("previousStatus").GetString()));
            Assert.Equal((own, "AUTHORIZED", "REQUESTED", "AUTHORIZED"), (authorized.GetProperty("returnId").GetString(), authorized.GetProperty("status").GetString(),
                authorized.GetProperty("previousStatus").GetString(), authorized.GetProperty("return").GetProperty("status").GetString()));
            Assert.True(authorized.GetProperty("sequence").GetInt64() > requested.GetProperty("sequence").GetInt64());
        }

        var seen = await _api.DataAsync(_partner, "query($id: ID!) { return(id: $id) { id } returns(first: 50) { totalCount nodes { id channel } } }", new { id = foreign });
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("return").ValueKind);
        Assert.Equal([(own, Partner)], seen.GetProperty("returns").GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("id").GetString(), n.GetProperty("channel").GetString())));

        Succeeded(await ReturnTestKit.StepAsync(As(_admin), "markReturnInTransit", new { returnId = foreign }), "return");
        Succeeded(await ReturnTestKit.StepAsync(As(_admin), "markReturnInTransit", new { returnId = own, trackingNumber = "RET-ZAL-1" }), "return");
        await _api.SettleAsync();
        var inTransit = (await watcher.NextAsync()).GetProperty("returnStatusChanged");
        Assert.Equal((own, "IN_TRANSIT", "AUTHORIZED", "IN_TRANSIT"), (inTransit.GetProperty("returnId").GetString(), inTransit.GetProperty("status").GetString(),
            inTransit.GetProperty("previousStatus").GetString(), inTransit.GetProperty("return").GetProperty("status").GetString()));
    }
}
