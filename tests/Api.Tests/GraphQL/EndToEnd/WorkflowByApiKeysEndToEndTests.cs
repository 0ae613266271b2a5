using System.Text.Json;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.EndToEnd;

/// <summary>
/// Who may act is explicit for machines: every step from capture to COMPLETED is taken by an API key or by the system,
/// on the real host on Kestrel. The host runs without its worker, so the test runs the automation itself (after
/// shipment it would invoice before a Finance key could) and each step is taken by the key the test means.
/// </summary>
public sealed class WorkflowByApiKeysEndToEndTests : IAsyncLifetime
{
    private const string OrderFields = "order { id status isOnHold invoiceNumber holds { id type releasedBy } } userErrors { code field message }";

    private LiveApi _api = null!;

    public async Task InitializeAsync() =>
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<JsonElement> MutateAsync(string key, string name, object input) =>
        (await _api.DataAsync(key, Mutation(name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", OrderFields), new { input })).GetProperty(name);

    /// <summary>The order after a step that had to succeed.</summary>
    private static JsonElement Took(JsonElement payload)
    {
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, payload.ToString());
        return payload.GetProperty("order");
    }

    private static string? FirstErrorCode(JsonElement payload) => payload.GetProperty("userErrors")[0].GetProperty("code").GetString();

    private async Task<JsonElement> ReadOrderAsync(string key, string orderId)
    {
        await _api.SettleAsync();
        return (await _api.DataAsync(key, """
            query($id: ID!) { order(id: $id) { status isOnHold holds { id type releasedBy } timeline { action actorId } } }
            """, new { id = orderId })).GetProperty("order");
    }

    [Fact]
    public async Task AHighValueOrder_IsTakenFromCaptureToCompleted_ByApiKeysAndTheSystem_WithFinanceStepsByAKeyGrantedFinance()
    {
        var shop = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], ["WEB"]);
        var warehouse = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.FulfillmentWrite]);
        var finance = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], roles: [Roles.Finance]);

        // 2 × 1,300.00 EUR reaches the default high-value threshold (2,500): validation holds it for Finance.
        var captured = Took((await _api.DataAsync(shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation,
            OrderFlowEndToEndTests.Order("E2E-FINANCE-KEY", unitPrice: 1300.00m))).GetProperty("captureOrder"));
        var orderId = captured.GetProperty("id").GetString()!;
        var held = await ReadOrderAsync(shop.PlainKey, orderId);
        Assert.Equal(("VALIDATED", true), (held.GetProperty("status").GetString(), held.GetProperty("isOnHold").GetBoolean()));
        var hold = Assert.Single(held.GetProperty("holds").EnumerateArray());
        Assert.Equal("HIGH_VALUE_APPROVAL", hold.GetProperty("type").GetString());
        var release = new { orderId, holdId = hold.GetProperty("id").GetString(), resolution = "Finance approved the order value." };

        var releasedByShop = await MutateAsync(shop.PlainKey, "releaseHold", release);
        Took(await MutateAsync(finance.PlainKey, "releaseHold", release));
        var allocated = await ReadOrderAsync(shop.PlainKey, orderId);
        var steps = new List<(string Step, JsonElement Order)>();
        foreach (var (step, input) in new (string, object)[]
                 {
                     ("releaseOrder", new { orderId }), ("startPicking", new { orderId }), ("confirmPick", new { orderId }),
                     ("confirmPack", new { orderId, packageCount = 1 }),
                     ("confirmShipment", new { orderId, carrier = "DHL", trackingNumber = "JD014600006281" }),
                 })
            steps.Add((step, Took(await MutateAsync(warehouse.PlainKey, step, input))));
        var invoicedByShop = await MutateAsync(shop.PlainKey, "invoiceOrder", new { orderId });
        var invoiced = Took(await MutateAsync(finance.PlainKey, "invoiceOrder", new { orderId }));
        var completedByShop = await MutateAsync(shop.PlainKey, "completeOrder", new { orderId });
        var completed = Took(await MutateAsync(finance.PlainKey, "completeOrder", new { orderId }));
        var final = await ReadOrderAsync(shop.PlainKey, orderId);

        Assert.Equal(OrderErrors.ActorNotPermittedCode, FirstErrorCode(releasedByShop));
        Assert.Equal("ALLOCATED", allocated.GetProperty("status").GetString());
        Assert.Equal($"api-client:{finance.ClientId}", Assert.Single(allocated.GetProperty("holds").EnumerateArray()).GetProperty("releasedBy").GetString());
        Assert.Equal(["RELEASED", "PICKING", "PICKING", "PACKED", "SHIPPED"], steps.Select(s => s.Order.GetProperty("status").GetString()));
        Assert.Equal(OrderErrors.ActorNotPermittedCode, FirstErrorCode(invoicedByShop));
        Assert.Equal("INVOICED", invoiced.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(invoiced.GetProperty("invoiceNumber").GetString()));
        Assert.Equal(OrderErrors.ActorNotPermittedCode, FirstErrorCode(completedByShop));
        Assert.Equal("COMPLETED", completed.GetProperty("status").GetString());
        var takenBy = final.GetProperty("timeline").EnumerateArray()
            .Select(t => (t.GetProperty("action").GetString(), t.GetProperty("actorId").GetString())).ToList();
        string Client(Guid id) => $"api-client:{id}";
        Assert.Equal(
            [
                ("CAPTURED", Client(shop.ClientId)), ("VALIDATED", Actor.SystemId), ("HOLD_PLACED", Actor.SystemId),
                ("HOLD_RELEASED", Client(finance.ClientId)), ("ALLOCATED", Actor.SystemId), ("RELEASED", Client(warehouse.ClientId)),
                ("PICKING", Client(warehouse.ClientId)), ("PICKED", Client(warehouse.ClientId)), ("PACKED", Client(warehouse.ClientId)),
                ("SHIPMENT_SHIPPED", Client(warehouse.ClientId)), ("SHIPPED", Client(warehouse.ClientId)), ("INVOICED", Client(finance.ClientId)), ("COMPLETED", Client(finance.ClientId)),
            ],
            takenBy);
    }

    [Fact]
    public async Task AKeyGrantedFinanceLater_MayInvoice_AndOneWhoseFinanceRoleIsTakenAwayIsRefusedAgain()
    {
        var connector = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        var warehouse = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.FulfillmentWrite]);
        var orderId = await ShippedOrderAsync(connector.PlainKey, warehouse, "E2E-FINANCE-LATER");

        var beforeGrant = await MutateAsync(connector.PlainKey, "invoiceOrder", new { orderId });
        await _api.ChangeAccessAsync(connector.ClientId, [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], [], [Roles.Finance]);
        var invoiced = Took(await MutateAsync(connector.PlainKey, "invoiceOrder", new { orderId }));
        await _api.ChangeAccessAsync(connector.ClientId, [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], []);
        var afterRevoke = await MutateAsync(connector.PlainKey, "completeOrder", new { orderId });

        Assert.Equal(OrderErrors.ActorNotPermittedCode, FirstErrorCode(beforeGrant));
        Assert.Equal("INVOICED", invoiced.GetProperty("status").GetString());
        Assert.Equal(OrderErrors.ActorNotPermittedCode, FirstErrorCode(afterRevoke));
    }

    /// <summary>An order below the high-value threshold, captured, allocated by the system and shipped by the warehouse key.</summary>
    private async Task<string> ShippedOrderAsync(string shopKey, string warehouseKey, string externalId)
    {
        var captured = Took((await _api.DataAsync(shopKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order(externalId)))
            .GetProperty("captureOrder"));
        var orderId = captured.GetProperty("id").GetString()!;
        Assert.Equal("ALLOCATED", (await ReadOrderAsync(shopKey, orderId)).GetProperty("status").GetString());
        foreach (var (step, input) in new (string, object)[]
                 {
                     ("releaseOrder", new { orderId }), ("startPicking", new { orderId }), ("confirmPick", new { orderId }),
                     ("confirmPack", new { orderId, packageCount = 1 }),
                     ("confirmShipment", new { orderId, carrier = "DHL", trackingNumber = "JD014600006282" }),
                 })
            Took(await MutateAsync(warehouseKey, step, input));
        return orderId;
    }
}
