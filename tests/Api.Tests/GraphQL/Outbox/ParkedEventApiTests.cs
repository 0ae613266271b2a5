using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.ParkedEvents;
using EcomErp.Domain.Access;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.GraphQL.Outbox;

/// <summary>
/// parkedEvents, retryParkedEvent and skipParkedEvent on the real host on Kestrel (decision 054): an automation handler that throws
/// on the orders the test poisons parks their capture for real; a key with 'outbox:admin' lists and settles them, no other key and
/// never a partner key does.
/// </summary>
public sealed class ParkedEventApiTests : IAsyncLifetime
{
    private const string ListQuery = """
        query($first: Int = 10, $after: String, $consumer: String, $status: ParkedEventStatus) {
          parkedEvents(first: $first, after: $after, consumer: $consumer, status: $status) {
            totalCount pageInfo { hasNextPage endCursor }
            nodes { id consumer sequence eventType aggregateId status heldBehind errorType errorMessage attempts firstFailedAt exceptionCaseId }
          }
        }
        """;

    private const string RetryMutation = """
        mutation($id: ID!) { retryParkedEvent(input: { parkedEventId: $id }) {
          parkedEvent { id status settledBy } followersDelivered parkedAgain { id } userErrors { code field message } } }
        """;

    private const string SkipMutation = """
        mutation($id: ID!, $reason: String!) { skipParkedEvent(input: { parkedEventId: $id, reason: $reason }) {
          parkedEvent { id status } followersDelivered userErrors { code field message } } }
        """;

    private readonly PoisonedOrders _fault = new();
    private LiveApi _api = null!;
    private string _operator = null!;
    private string _shop = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(
            settings: new Dictionary<string, string>(PoisonedOrders.QuickParking) { ["EcomErp:Roles"] = "api,admin" }, services: _fault.Register);
        _operator = await _api.IssueKeyAsync([ApiScopes.OutboxAdmin]);
        _shop = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        foreach (var externalId in new[] { "POISON-1", "POISON-2", "FINE-1" })
            await _api.DataAsync(_shop, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order(externalId));
        await _api.SettleAsync();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<JsonElement> ListAsync(object? variables = null) => (await _api.DataAsync(_operator, ListQuery, variables)).GetProperty("parkedEvents");

    private async Task<List<JsonElement>> NodesAsync(object? variables = null) => [.. (await ListAsync(variables)).GetProperty("nodes").EnumerateArray()];

    private static string? ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task ParkedEvents_ListsWhatTheConsumerParked_InOutboxOrder_FilteredAndPaged()
    {
        var all = await ListAsync(new { status = "PARKED" });
        var firstPage = await ListAsync(new { first = 1, status = "PARKED" });
        var secondPage = await ListAsync(new { first = 1, status = "PARKED", after = firstPage.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var held = await NodesAsync(new { status = "HELD", first = 100 });
        var everything = await ListAsync(new { first = 100 });
        var otherConsumer = await NodesAsync(new { consumer = "read-models-nobody" });

        var nodes = all.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(2, all.GetProperty("totalCount").GetInt32());
        Assert.All(nodes, n => Assert.Equal(("domain-events", "OrderCaptured", "PARKED", "System.InvalidOperationException"),
            (n.GetProperty("consumer").GetString(), n.GetProperty("eventType").GetString(), n.GetProperty("status").GetString(), n.GetProperty("errorType").GetString())));
        Assert.Equal(["Handler failed on POISON-1.", "Handler failed on POISON-2."], nodes.Select(n => n.GetProperty("errorMessage").GetString()));
        Assert.True(nodes[0].GetProperty("sequence").GetInt64() < nodes[1].GetProperty("sequence").GetInt64());
        Assert.All(nodes, n => Assert.NotEqual(JsonValueKind.Null, n.GetProperty("exceptionCaseId").ValueKind));
        Assert.Equal(nodes[0].GetProperty("id").GetString(), Assert.Single(firstPage.GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(firstPage.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(nodes[1].GetProperty("id").GetString(), Assert.Single(secondPage.GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Assert.False(secondPage.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        // The capture's later events wait behind each parked capture, for the same consumer.
        Assert.NotEmpty(held);
        Assert.All(held, h => Assert.Contains(h.GetProperty("heldBehind").GetInt64(), nodes.Select(n => n.GetProperty("sequence").GetInt64())));
        Assert.Equal(2 + held.Count, everything.GetProperty("totalCount").GetInt32());
        Assert.Empty(otherConsumer);
    }

    [Fact]
    public async Task ParkedEvents_WithACursorItDidNotIssue_AnswersInvalidCursor()
    {
        var (_, forged) = await _api.PostAsync(_operator, ListQuery, new { after = "bm90LWEtY3Vyc29y" });

        Assert.Equal("INVALID_CURSOR", ErrorCode(forged));
    }

    [Fact]
    public async Task RetryParkedEvent_AfterTheFaultIsFixed_DeliversIt_AndSkipParkedEvent_WithAReason_SkipsIt()
    {
        var nodes = await NodesAsync(new { status = "PARKED" });
        var heldBehindFirst = (await NodesAsync(new { status = "HELD", first = 100 }))
            .Count(h => h.GetProperty("heldBehind").GetInt64() == nodes[0].GetProperty("sequence").GetInt64());
        _fault.Failing = false;

        var retried = (await _api.DataAsync(_operator, RetryMutation, new { id = nodes[0].GetProperty("id").GetString() })).GetProperty("retryParkedEvent");
        var skipped = (await _api.DataAsync(_operator, SkipMutation, new { id = nodes[1].GetProperty("id").GetString(), reason = "Re-keyed by hand." }))
            .GetProperty("skipParkedEvent");
        var parkedNow = await NodesAsync(new { status = "PARKED" });

        Assert.Empty(retried.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("DELIVERED", retried.GetProperty("parkedEvent").GetProperty("status").GetString());
        Assert.StartsWith("api-client:", retried.GetProperty("parkedEvent").GetProperty("settledBy").GetString(), StringComparison.Ordinal);
        Assert.Equal((heldBehindFirst, JsonValueKind.Null), (retried.GetProperty("followersDelivered").GetInt32(), retried.GetProperty("parkedAgain").ValueKind));
        Assert.Empty(skipped.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("SKIPPED", skipped.GetProperty("parkedEvent").GetProperty("status").GetString());
        Assert.Empty(parkedNow);
        Assert.Empty(await NodesAsync(new { status = "HELD" }));
    }

    [Fact]
    public async Task SettlingRefusals_AreUserErrorsWithCodes_AndChangeNothing()
    {
        var parked = (await NodesAsync(new { status = "PARKED" }))[0];
        var id = parked.GetProperty("id").GetString();

        var stillFailing = (await _api.DataAsync(_operator, RetryMutation, new { id })).GetProperty("retryParkedEvent");
        var noReason = (await _api.DataAsync(_operator, SkipMutation, new { id, reason = "  " })).GetProperty("skipParkedEvent");
        var unknown = (await _api.DataAsync(_operator, RetryMutation, new { id = Guid.NewGuid() })).GetProperty("retryParkedEvent");
        var malformed = (await _api.DataAsync(_operator, SkipMutation, new { id = "not-an-id", reason = "Why not." })).GetProperty("skipParkedEvent");
        var after = (await NodesAsync(new { status = "PARKED" }))[0];

        Assert.Equal((ParkedEventErrors.StillFailingCode, "parkedEventId"), UserError(stillFailing));
        Assert.Equal((ParkedEventErrors.ReasonRequiredCode, "reason"), UserError(noReason));
        Assert.Equal((ParkedEventErrors.NotFoundCode, "parkedEventId"), UserError(unknown));
        Assert.Equal((ParkedEventErrors.NotFoundCode, "parkedEventId"), UserError(malformed));
        Assert.Equal(JsonValueKind.Null, noReason.GetProperty("parkedEvent").ValueKind);
        Assert.Equal("PARKED", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("attempts").GetInt32() > parked.GetProperty("attempts").GetInt32(), "the failed retry counted its attempt");
    }

    private static (string?, string?) UserError(JsonElement payload)
    {
        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        return (error.GetProperty("code").GetString(), error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AKeyWithoutTheScope_AndAPartnerKeyWithIt_AreRefusedWithForbidden_AndChangeNothing()
    {
        var id = (await NodesAsync(new { status = "PARKED" }))[0].GetProperty("id").GetString();
        var partner = await _api.IssueKeyAsync([ApiScopes.OutboxAdmin, ApiScopes.OrdersRead], channels: ["WEB"]);
        _fault.Failing = false;

        var (_, shopList) = await _api.PostAsync(_shop, ListQuery);
        var (_, shopRetry) = await _api.PostAsync(_shop, RetryMutation, new { id });
        var (_, partnerList) = await _api.PostAsync(partner, ListQuery);
        var (_, partnerSkip) = await _api.PostAsync(partner, SkipMutation, new { id, reason = "Not mine." });

        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], new[] { shopList, shopRetry, partnerList, partnerSkip }.Select(ErrorCode));
        Assert.Equal(2, (await NodesAsync(new { status = "PARKED" })).Count);
    }
}
