using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Common;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>
/// Issue 14 §1, as for orders: a return notification carries the view the projection stored, so a subscription's
/// <c>return</c> field resolves from it, with no read of the store per event. The host's return query handler is wrapped to
/// count its calls; the last step shows the count sees what GraphQL reads.
/// </summary>
public sealed class ReturnSubscriptionCarriedViewTests : IAsyncLifetime
{
    private const string Subscription = """
        subscription { returnStatusChanged(channel: "WEB") { returnId status return { id status rmaNumber lines { sku quantity } } } }
        """;

    private readonly QueryCalls<GetReturn> _reads = new();
    private LiveApi _api = null!;
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        // No job server: the test moves the outbox itself, so every event is heard after the projection it asked for.
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" }, services: services =>
        {
            services.AddSingleton(_reads);
            services.Decorate<IQueryHandler<GetReturn, ReturnView>, CountedQueryHandler<GetReturn, ReturnView>>();
        });
        _admin = await _api.IssueKeyAsync([.. ApiScopes.All], [], [.. ApiClient.GrantableRoles]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task EveryEventsReturnField_ComesWithTheEvent_WithoutAReadOfTheStore()
    {
        Task<JsonElement> Data(string query, object variables) => _api.DataAsync(_admin, query, variables);
        var (orderId, _) = await ReturnTestKit.ShippedOrderAsync(Data, _api.SettleAsync, _admin, "WEB-RCARRIED-1");
        await using var watcher = await _api.SubscribeAsync(_admin, Subscription);
        Assert.Empty(await watcher.UntilPongAsync());
        var lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE" } };
        var returnId = Succeeded(await ReturnTestKit.StepAsync(Data, "requestReturn", new { orderId, lines }), "return").GetProperty("id").GetString();
        await _api.SettleAsync();
        Succeeded(await ReturnTestKit.StepAsync(Data, "markReturnInTransit", new { returnId, trackingNumber = "RET-CARRIED-1" }), "return");
        await _api.SettleAsync();

        var heard = new List<JsonElement>();
        do
            heard.Add((await watcher.NextAsync()).GetProperty("returnStatusChanged"));
        while (heard[^1].GetProperty("status").GetString() != "IN_TRANSIT");

        Assert.Equal(["REQUESTED", "AUTHORIZED", "IN_TRANSIT"], heard.Select(n => n.GetProperty("status").GetString()));
        foreach (var notification in heard)
        {
            var carried = notification.GetProperty("return");
            Assert.Equal(returnId, carried.GetProperty("id").GetString());
            Assert.StartsWith("RMA-", carried.GetProperty("rmaNumber").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, carried.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        }
        Assert.Equal("IN_TRANSIT", heard[^1].GetProperty("return").GetProperty("status").GetString());
        Assert.Equal(0, _reads.Count);

        // The same field asked by a query reads the return once: the count above would have seen a read per event.
        var queried = await _api.DataAsync(_admin, "query($id: ID!) { return(id: $id) { status } }", new { id = returnId });
        Assert.Equal("IN_TRANSIT", queried.GetProperty("return").GetProperty("status").GetString());
        Assert.Equal(1, _reads.Count);
    }
}
