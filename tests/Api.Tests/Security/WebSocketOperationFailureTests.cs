using System.Text;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.Security;

/// <summary>One operation that fails unexpectedly ends that operation only, never the caller's socket.</summary>
public sealed class WebSocketOperationFailureTests
{
    [Fact]
    public async Task AnOperationThatThrowsInExecution_GetsAnErrorForItsIdOnly_AndTheSocketsLiveSubscriptionStillDelivers()
    {
        await using var api = await LiveApi.StartAsync();
        var key = await api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        await using var socket = await api.SubscribeAsync(key, """subscription { orderStatusChanged(channel: "WEB") { status } }""");

        // 100 levels deep: the parser gives up with an exception of its own, not a syntax error.
        var deep = new StringBuilder("subscription { orderStatusChanged ");
        for (var i = 0; i < 100; i++)
            deep.Append("{ order ");
        deep.Append('}', 101);
        await socket.SubscribeAsync("deep", deep.ToString());

        var failed = Assert.Single(await socket.UntilPongAsync());
        Assert.Equal("error", failed.GetProperty("type").GetString());
        Assert.Equal("deep", failed.GetProperty("id").GetString());
        Assert.True(failed.GetProperty("payload")[0].GetProperty("extensions").TryGetProperty("code", out _), failed.ToString());
        await api.DataAsync(key, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("SURVIVOR-1"));
        Assert.Equal("CAPTURED", (await socket.NextAsync()).GetProperty("orderStatusChanged").GetProperty("status").GetString());
    }
}
