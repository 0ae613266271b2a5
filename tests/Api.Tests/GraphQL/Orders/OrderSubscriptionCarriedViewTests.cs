using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Common;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>
/// Issue 14 §1 and decision 053: an order notification carries the view the projection built, so a subscription's
/// <c>order</c> field resolves from it, with no read of the store per event. The host's order query handler is wrapped to
/// count its calls; the last step shows the count sees what GraphQL reads.
/// </summary>
public sealed class OrderSubscriptionCarriedViewTests : IAsyncLifetime
{
    private const string CaptureOnly = """
        mutation Capture($input: CaptureOrderInput!) { captureOrder(input: $input) { userErrors { code } } }
        """;

    private readonly QueryCalls<GetOrder> _reads = new();

    private LiveApi Api { get; set; } = null!;

    public async Task InitializeAsync() => Api = await LiveApi.StartAsync(services: services =>
    {
        services.AddSingleton(_reads);
        services.Decorate<IQueryHandler<GetOrder, OrderView?>, CountedQueryHandler<GetOrder, OrderView?>>();
    });

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task EveryEventsOrderField_ComesWithTheEvent_WithoutAReadOfTheStore()
    {
        var key = await Api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        await using var watcher = await Api.SubscribeAsync(key, """
            subscription { orderStatusChanged(channel: "WEB") { orderId status order { id status lines { sku quantity allocatedQuantity } } } }
            """);
        Assert.Empty(await watcher.UntilPongAsync());

        var captured = (await Api.DataAsync(key, CaptureOnly, OrderFlowEndToEndTests.Order("CARRIED-VIEW-1"))).GetProperty("captureOrder");
        Assert.Equal(0, captured.GetProperty("userErrors").GetArrayLength());

        var events = new List<JsonElement>();
        do
            events.Add((await watcher.NextAsync()).GetProperty("orderStatusChanged"));
        while (events[^1].GetProperty("status").GetString() is "CAPTURED" or "VALIDATED");

        Assert.Equal("ALLOCATED", events[^1].GetProperty("status").GetString());
        Assert.True(events.Count >= 2, "The capture and the allocation were both heard.");
        foreach (var heard in events)
        {
            var order = heard.GetProperty("order");
            Assert.Equal(heard.GetProperty("orderId").GetString(), order.GetProperty("id").GetString());
            Assert.Equal("TEE-CREW-M-BLK", order.GetProperty("lines")[0].GetProperty("sku").GetString());
        }
        var allocated = events[^1].GetProperty("order");
        Assert.Equal("ALLOCATED", allocated.GetProperty("status").GetString());
        Assert.Equal(2, allocated.GetProperty("lines")[0].GetProperty("allocatedQuantity").GetInt32());
        Assert.Equal(0, _reads.Count);

        // The same field asked by a query reads the order once: the count above would have seen a read per event.
        var orderId = events[^1].GetProperty("orderId").GetString();
        var queried = await Api.DataAsync(key, "query($id: ID!) { order(id: $id) { status } }", new { id = orderId });
        Assert.Equal("ALLOCATED", queried.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(1, _reads.Count);
    }
}
