using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>
/// An order's ship-by deadline and the locations' daily carrier capacity over the API, on real Kestrel, on a clock the test
/// moves (decision 027).
/// </summary>
public sealed class CarrierCapacityApiTests : IAsyncLifetime
{
    private const string ReadOrder = "query($id: ID!) { order(id: $id) { status capturedAt shipBy overdue } }";

    private const string ListOrders = "query { orders(first: 10) { nodes { id shipBy overdue } } }";

    private const string Release = """
        mutation($input: ReleaseOrderInput!) {
          releaseOrder(input: $input) { order { status isOnHold holds { type reason releasedAt } blockers { code holdType } } userErrors { code field message } }
        }
        """;

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private LiveApi _api = null!;
    private string _shop = null!;
    private string _warehouse = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" },
            services: services => services.AddSingleton<TimeProvider>(_time));
        _shop = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        _warehouse = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.FulfillmentWrite]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<string> CaptureAsync(string externalId, string channel = "WEB")
    {
        var captured = (await _api.DataAsync(_shop, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order(externalId, channel: channel)))
            .GetProperty("captureOrder");
        Assert.Equal(0, captured.GetProperty("userErrors").GetArrayLength());
        return captured.GetProperty("order").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> OrderAsync(string id) => (await _api.DataAsync(_shop, ReadOrder, new { id })).GetProperty("order");

    private async Task<JsonElement> ReleaseAsync(string id) => (await _api.DataAsync(_warehouse, Release, new { input = new { orderId = id } })).GetProperty("releaseOrder");

    private static List<string?> Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString())];

    [Fact]
    public async Task AnOrder_ShowsItsShipBy_CapturedAtPlusItsChannelsSla_AndTurnsOverdueOnceItPasses()
    {
        var web = await CaptureAsync("SHIPBY-WEB");
        var marketplace = await CaptureAsync("SHIPBY-ZAL", channel: "MKT-ZALANDO");
        await _api.SettleAsync();

        var webOrder = await OrderAsync(web);
        var capturedAt = webOrder.GetProperty("capturedAt").GetDateTimeOffset();
        Assert.Equal((capturedAt.AddHours(48), false), (webOrder.GetProperty("shipBy").GetDateTimeOffset(), webOrder.GetProperty("overdue").GetBoolean()));
        Assert.Equal(capturedAt.AddHours(24), (await OrderAsync(marketplace)).GetProperty("shipBy").GetDateTimeOffset());

        _time.Advance(TimeSpan.FromHours(30));

        Assert.True((await OrderAsync(marketplace)).GetProperty("overdue").GetBoolean());
        Assert.False((await OrderAsync(web)).GetProperty("overdue").GetBoolean());
        // A list item answers through the batch loader, on the same clock.
        var listed = (await _api.DataAsync(_shop, ListOrders)).GetProperty("orders").GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("overdue").GetBoolean());
        Assert.Equal((true, false), (listed[marketplace], listed[web]));
    }

    [Fact]
    public async Task ReleaseOrder_PastTheDaysCarrierCapacity_EndsOnHoldWithTheCarrierCapacityHoldVisible()
    {
        await using (var scope = _api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Database
                .ExecuteSqlRawAsync("UPDATE Locations SET CarrierCapacity_Standard = 1 WHERE Code = 'WH-BERLIN'");
        var first = await CaptureAsync("CAPACITY-1");
        var second = await CaptureAsync("CAPACITY-2");
        await _api.SettleAsync();
        Assert.Equal("RELEASED", (await ReleaseAsync(first)).GetProperty("order").GetProperty("status").GetString());

        var held = await ReleaseAsync(second);

        Assert.Empty(Codes(held));
        var order = held.GetProperty("order");
        Assert.Equal(("ALLOCATED", true), (order.GetProperty("status").GetString(), order.GetProperty("isOnHold").GetBoolean()));
        var hold = Assert.Single(order.GetProperty("holds").EnumerateArray());
        Assert.Equal(("CARRIER_CAPACITY", JsonValueKind.Null), (hold.GetProperty("type").GetString(), hold.GetProperty("releasedAt").ValueKind));
        Assert.Contains("WH-BERLIN Standard", hold.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(order.GetProperty("blockers").EnumerateArray(), b => b.GetProperty("holdType").GetString() == "CARRIER_CAPACITY");

        var again = await ReleaseAsync(second);
        Assert.Equal(["ORDER_CARRIER_CAPACITY_EXHAUSTED"], Codes(again));
    }
}
