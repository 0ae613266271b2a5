using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>The order API as a front-end team uses it: queries, mutations, errors and scopes on the real schema.</summary>
public sealed class OrderApiTests : IAsyncLifetime
{
    private const string Capture = """
        mutation Capture($input: CaptureOrderInput!) {
          captureOrder(input: $input) { wasAlreadyCaptured order { id status version } userErrors { code field message } }
        }
        """;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _shop = null!;
    private string _warehouse = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _shop = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
        _warehouse = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.FulfillmentWrite);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private static object Order(string externalId, object? line = null, string postalCode = "10115", string email = "anna.schmidt@example.com") => new
    {
        input = new
        {
            channel = "WEB",
            externalOrderId = externalId,
            customer = new { email, name = "Anna Schmidt" },
            shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode, country = "DE" },
            lines = new[] { line ?? new { sku = "TEE-CREW-M-BLK", quantity = 1, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
        },
    };

    private async Task<string> CaptureAsync(string externalId)
    {
        var payload = (await Api.DataAsync(_shop, Capture, Order(externalId))).GetProperty("captureOrder");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    private async Task<int> TotalOrdersAsync() =>
        (await Api.DataAsync(_shop, "{ orders { totalCount } }")).GetProperty("orders").GetProperty("totalCount").GetInt32();

    [Fact]
    public async Task CaptureWithBadInput_AnswersUserErrorsWithCodesAndFields_AndStoresNothing()
    {
        var payload = (await Api.DataAsync(_shop, Capture, Order("BAD-1", new { sku = "NO-SUCH-SKU", quantity = 0, unitPrice = OrderFlowEndToEndTests.Price(1.999m) })))
            .GetProperty("captureOrder");
        await Api.SettleAsync();

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
        var errors = payload.GetProperty("userErrors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("QUANTITY_NOT_POSITIVE", "lines[0].quantity"), errors);
        Assert.Contains(("MONEY_PRECISION", "lines[0].unitPrice.amount"), errors);
        Assert.Equal(0, await TotalOrdersAsync());
    }

    [Fact]
    public async Task ARefusalQuotingALongInput_QuotesItsStartOnly_AndKeepsTheRulesWords()
    {
        var payload = (await Api.DataAsync(_shop, Capture, Order("LONG-1", email: new string('x', 5_000)))).GetProperty("captureOrder");

        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("customer.email", error.GetProperty("field").GetString());
        Assert.Equal($"'{new string('x', QuotedInput.MaxQuoted)}…' is not an email address.", error.GetProperty("message").GetString());

        // The same in a query's errors.
        var (_, body) = await Api.PostAsync(_shop, $$"""{ order(id: "{{new string('y', 5_000)}}") { id } }""");
        var queryError = Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.Contains($"'{new string('y', QuotedInput.MaxQuoted)}…'", queryError, StringComparison.Ordinal);
        Assert.True(queryError.Length < 300, queryError);
    }

    [Theory]
    [InlineData("25.00999999999999999999999999999")]
    [InlineData("0.0000000000000000000000000000001")]
    public async Task CaptureWithAnAmountADecimalWouldRound_IsRefused_AndStoresNothing(string amount)
    {
        var (_, body) = await Api.PostAsync(_shop, Capture, Order("ROUNDED-1", new { sku = "TEE-CREW-M-BLK", quantity = 1, unitPrice = new { amount, currencyCode = "EUR" } }));
        await Api.SettleAsync();

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_VALUE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("lines[0].unitPrice.amount", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await TotalOrdersAsync());
    }

    [Fact]
    public async Task RepeatedCapture_ReturnsTheFirstOrder_AndDifferentContentIsAConflict()
    {
        var first = await CaptureAsync("REPEAT-1");

        var again = (await Api.DataAsync(_shop, Capture, Order("REPEAT-1"))).GetProperty("captureOrder");
        var changed = (await Api.DataAsync(_shop, Capture, Order("REPEAT-1", postalCode: "10117"))).GetProperty("captureOrder");

        Assert.True(again.GetProperty("wasAlreadyCaptured").GetBoolean());
        Assert.Equal(first, again.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal("ORDER_DUPLICATE_CAPTURE_CONFLICT", changed.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task WarehouseSteps_MoveTheOrder_AndRefuseIllegalOrStaleSteps()
    {
        var id = await CaptureAsync("FLOW-1");
        await Api.SettleAsync();
        var version = (await Api.DataAsync(_shop, "query($id: ID!) { order(id: $id) { status version } }", new { id })).GetProperty("order");
        Assert.Equal("ALLOCATED", version.GetProperty("status").GetString());

        var stale = await Api.DataAsync(_warehouse, "mutation($i: ReleaseOrderInput!) { releaseOrder(input: $i) { order { status } userErrors { code field } } }",
            new { i = new { orderId = id, expectedVersion = version.GetProperty("version").GetInt32() - 1 } });
        var released = await Api.DataAsync(_warehouse, "mutation($i: ReleaseOrderInput!) { releaseOrder(input: $i) { order { status } userErrors { code } } }",
            new { i = new { orderId = id, expectedVersion = version.GetProperty("version").GetInt32() } });
        var illegal = await Api.DataAsync(_warehouse, "mutation($i: ConfirmShipmentInput!) { confirmShipment(input: $i) { order { status } userErrors { code } } }",
            new { i = new { orderId = id, carrier = "DHL", trackingNumber = "123" } });

        Assert.Equal("CONCURRENCY_CONFLICT", stale.GetProperty("releaseOrder").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("expectedVersion", stale.GetProperty("releaseOrder").GetProperty("userErrors")[0].GetProperty("field").GetString());
        Assert.Equal("RELEASED", released.GetProperty("releaseOrder").GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("ORDER_ILLEGAL_TRANSITION", illegal.GetProperty("confirmShipment").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task AKeyWithoutTheScope_IsForbidden_AndChangesNothing()
    {
        var (status, body) = await Api.PostAsync(_warehouse, Capture, Order("NO-SCOPE-1"));

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, await TotalOrdersAsync());
    }

    [Fact]
    public async Task MalformedIdsAndVariables_AreTheClientsMistake_NeverA500()
    {
        var (idStatus, idBody) = await Api.PostAsync(_shop, """{ order(id: "not-a-guid") { id } }""");
        var (variableStatus, variableBody) = await Api.PostAsync(_shop, Capture, new { input = new { channel = "WEB", lines = "two" } });
        var (cursorStatus, cursorBody) = await Api.PostAsync(_shop, """{ orders(after: "garbage") { totalCount } }""");
        var (stepStatus, stepBody) = await Api.PostAsync(_warehouse, """mutation { releaseOrder(input: { orderId: "nope" }) { userErrors { code field } } }""");

        Assert.Equal(200, idStatus);
        Assert.Equal("INVALID_ARGUMENT", idBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(400, variableStatus);
        Assert.True(variableBody.GetProperty("errors").GetArrayLength() > 0);
        Assert.Equal(200, cursorStatus);
        Assert.Equal("INVALID_CURSOR", cursorBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, stepStatus);
        Assert.Equal("ORDER_NOT_FOUND", stepBody.GetProperty("data").GetProperty("releaseOrder").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task APageOf50OrdersWithTheirDetails_CostsOneBatchedReadModelRead()
    {
        for (var i = 0; i < 50; i++)
            await CaptureAsync($"PAGE-{i:D2}");
        await Api.SettleAsync();
        Api.Reads.Reset();

        var page = await Api.DataAsync(_shop, """
            { orders(first: 50) { totalCount edges { node { id status lines { sku allocatedQuantity } customer { email } timeline { action } } } } }
            """);

        var edges = page.GetProperty("orders").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(50, edges.Count);
        Assert.All(edges, e => Assert.Equal("TEE-CREW-M-BLK", e.GetProperty("node").GetProperty("lines")[0].GetProperty("sku").GetString()));
        Assert.Equal(1, Api.Reads.Many);
        Assert.Equal(0, Api.Reads.Single);
    }

    [Fact]
    public async Task OrdersConnection_PagesWithCursors_FiltersAndSorts()
    {
        for (var i = 0; i < 5; i++)
            await CaptureAsync($"CONN-{i}");
        await Api.SettleAsync();
        const string Query = """
            query($after: String) { orders(first: 2, after: $after, filter: { statuses: [ALLOCATED], channels: ["web"] }, sort: { field: CAPTURED_AT, direction: ASC }) {
              totalCount pageInfo { hasNextPage endCursor } edges { node { externalOrderId } } } }
            """;

        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var orders = (await Api.DataAsync(_shop, Query, new { after })).GetProperty("orders");
            Assert.Equal(5, orders.GetProperty("totalCount").GetInt32());
            seen.AddRange(orders.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("externalOrderId").GetString()!));
            hasNext = orders.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = orders.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (hasNext);

        Assert.Equal(["CONN-0", "CONN-1", "CONN-2", "CONN-3", "CONN-4"], seen);
    }

    [Fact]
    public async Task OrderBlockers_OfACapturedOrderWhoseSkuWasDeactivated_NameTheMasterDataBlockerValidationWouldHoldItFor()
    {
        var id = await CaptureAsync("MASTER-1");
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            // The catalog changes after capture and before validation: the SKU is no longer sold.
            var sku = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Skus.SingleAsync(s => s.Code == SkuCode.Of("TEE-CREW-M-BLK"));
            Assert.True(sku.Deactivate(Actor.System, DateTimeOffset.UtcNow).IsSuccess);
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        }
        // The read model shows the captured order; validation has not run (no job server in this host).
        await Api.Services.ProjectReadModelsAsync();

        var blockers = (await Api.DataAsync(_shop, "query($id: ID!) { orderBlockers(id: $id) { status canMove blockers { code holdType message } } }", new { id }))
            .GetProperty("orderBlockers");

        Assert.Equal("CAPTURED", blockers.GetProperty("status").GetString());
        Assert.False(blockers.GetProperty("canMove").GetBoolean());
        var blocker = Assert.Single(blockers.GetProperty("blockers").EnumerateArray());
        Assert.Equal(("ENTRY_CRITERIA_NOT_MET", "MANUAL"), (blocker.GetProperty("code").GetString(), blocker.GetProperty("holdType").GetString()));
        Assert.Contains("SKU TEE-CREW-M-BLK is not active.", blocker.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderBlockers_OfAnotherChannelsOrder_AreNullForAPartnerKey()
    {
        var id = await CaptureAsync("PARTNER-1");
        await Api.SettleAsync();
        var partner = await Api.IssueKeyAsync([ApiScopes.OrdersRead], ["MKT-ZALANDO"]);

        var blockers = await Api.DataAsync(partner, "query($id: ID!) { orderBlockers(id: $id) { status } }", new { id });

        Assert.Equal(JsonValueKind.Null, blockers.GetProperty("orderBlockers").ValueKind);
    }

    [Fact]
    public async Task OrderBlockers_NameTheOpenHoldAndTheOwnerOfTheNextStep()
    {
        var id = await CaptureAsync("HOLD-1");
        await Api.SettleAsync();
        var placed = await Api.DataAsync(_shop, """mutation($i: PlaceHoldInput!) { placeHold(input: $i) { order { isOnHold } userErrors { code } } }""",
            new { i = new { orderId = id, type = "MANUAL", reason = "Customer asked us to wait" } });
        await Api.SettleAsync();

        var blockers = (await Api.DataAsync(_shop, "query($id: ID!) { orderBlockers(id: $id) { status nextStatus nextStepOwner canMove blockers { code holdType message } } }", new { id }))
            .GetProperty("orderBlockers");

        Assert.True(placed.GetProperty("placeHold").GetProperty("order").GetProperty("isOnHold").GetBoolean());
        Assert.Equal("RELEASED", blockers.GetProperty("nextStatus").GetString());
        Assert.Equal("OPERATIONS_MANAGER", blockers.GetProperty("nextStepOwner").GetString());
        Assert.False(blockers.GetProperty("canMove").GetBoolean());
        Assert.Contains("Customer asked us to wait", blockers.GetProperty("blockers")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("ON_HOLD", "MANUAL"), (blockers.GetProperty("blockers")[0].GetProperty("code").GetString(), blockers.GetProperty("blockers")[0].GetProperty("holdType").GetString()));
    }
}
