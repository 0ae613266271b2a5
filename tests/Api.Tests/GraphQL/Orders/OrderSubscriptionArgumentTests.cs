using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>orderStatusChanged checks its arguments as a query does: a bad one is refused with its code on the socket, not a silent stream.</summary>
public sealed class OrderSubscriptionArgumentTests : IAsyncLifetime
{
    private LiveApi Api { get; set; } = null!;

    public async Task InitializeAsync() => Api = await LiveApi.StartAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Theory]
    [InlineData("""subscription { orderStatusChanged(channel: "NO-SUCH-CHANNEL") { orderId } }""", "CHANNEL_NOT_FOUND")]
    [InlineData("""subscription { orderStatusChanged(orderId: "not-an-id") { orderId } }""", "INVALID_ARGUMENT")]
    [InlineData("""subscription { orderStatusChanged(channel: "web shop!") { orderId } }""", "CHANNEL_CODE_INVALID")]
    public async Task ABadArgument_IsRefusedWithAnErrorMessageAndItsCode_AndTheSocketStaysUsable(string document, string code)
    {
        var key = await Api.IssueKeyAsync([ApiScopes.OrdersRead]);
        await using var subscriber = await Api.SubscribeAsync(key, document);

        var answers = await subscriber.UntilPongAsync();

        // graphql-transport-ws's refusal of an operation: one error message whose payload is the errors, then nothing more
        // for that id (no next, no complete), as the pong after it shows.
        Assert.Equal(["error"], answers.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal("1", answers[0].GetProperty("id").GetString());
        Assert.Equal(code, answers[0].GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AKnownChannel_InAnyCase_IsAccepted()
    {
        var key = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        await using var subscriber = await Api.SubscribeAsync(key, """subscription { orderStatusChanged(channel: "web") { orderId status } }""");
        Assert.Empty(await subscriber.UntilPongAsync());

        await Api.DataAsync(key, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("SUB-ARGS-1"));

        var next = await subscriber.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("CAPTURED", next.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged").GetProperty("status").GetString());
    }
}
