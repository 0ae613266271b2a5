using System.Text.Json;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.Security;

/// <summary>Subscriptions are capped per socket and per key, with an error for the refused one only.</summary>
public sealed class WebSocketSubscriptionLimitsTests
{
    private const string Watch = """subscription { orderStatusChanged(channel: "WEB") { status } }""";

    [Fact]
    public async Task SubscribesBeyondTheSocketsOrTheKeysLimit_GetTooManySubscriptions_AndEverythingElseGoesOn()
    {
        await using var api = await LiveApi.StartAsync(settings: new Dictionary<string, string>
        {
            ["GraphQL:MaxSubscriptionsPerSocket"] = "2",
            ["GraphQL:MaxSubscriptionsPerClient"] = "3",
        });
        var key = await api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        await using var first = await api.ConnectAsync(key);
        await using var second = await api.ConnectAsync(key);

        foreach (var id in new[] { "a", "b", "c" })
            await first.SubscribeAsync(id, Watch);
        AssertRefused(Assert.Single(await first.UntilPongAsync()), "c");

        await first.SendAsync(new { id = "a", type = "complete" });
        await first.SubscribeAsync("c", Watch);
        Assert.Empty(await first.UntilPongAsync());

        await second.SubscribeAsync("x", Watch);
        await second.SubscribeAsync("y", Watch);
        AssertRefused(Assert.Single(await second.UntilPongAsync()), "y");

        await api.DataAsync(key, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("LIMITS-1"));
        var heard = new HashSet<string?>();
        while (heard.Count < 2)
        {
            var message = await first.ReceiveAsync();
            Assert.Equal("next", message.GetProperty("type").GetString());
            heard.Add(message.GetProperty("id").GetString());
        }
        Assert.Equal(["b", "c"], heard.Order());
        Assert.Equal("x", (await second.ReceiveAsync()).GetProperty("id").GetString());
    }

    private static void AssertRefused(JsonElement message, string id)
    {
        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal(id, message.GetProperty("id").GetString());
        Assert.Equal(GraphQLErrorCodes.TooManySubscriptions, message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
