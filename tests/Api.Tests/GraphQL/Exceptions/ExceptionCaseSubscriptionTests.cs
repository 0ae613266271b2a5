using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Api.Tests.GraphQL.Exceptions;

/// <summary>exceptionCaseChanged on a real socket: it hears the raise and the resolution of the queues the key sees, and only those.</summary>
public sealed class ExceptionCaseSubscriptionTests : IAsyncLifetime
{
    private const string Subscription = """
        subscription($queues: [Role!], $types: [ExceptionType!]) {
          exceptionCaseChanged(queues: $queues, types: $types) { caseId type queue channel action actorId sequence occurredAt exceptionCase { id status resolution subject { id } } }
        }
        """;

    private LiveApi _api = null!;

    public async Task InitializeAsync() =>
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task AFinanceKey_HearsAHighValueCaseRaisedAndResolved_AndNothingOfTheQueuesItDoesNotSee()
    {
        var shop = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        var finance = await _api.IssueClientAsync([ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite], roles: [Roles.Finance]);
        await using var subscriber = await _api.SubscribeAsync(finance.PlainKey, Subscription);
        Assert.Empty(await subscriber.UntilPongAsync());

        // A manual hold first: its case is in the OperationsManager's queue, so the first event Finance hears is its own queue's.
        var small = await CaptureAsync(shop, "EXC-SUB-MANUAL", 25.00m);
        var held = (await _api.DataAsync(shop, "mutation($input: PlaceHoldInput!) { placeHold(input: $input) { userErrors { code } } }",
            new { input = new { orderId = small, type = "MANUAL", reason = "Customer asked to wait." } })).GetProperty("placeHold");
        Assert.Equal(0, held.GetProperty("userErrors").GetArrayLength());
        await _api.SettleAsync();
        var orderId = await CaptureAsync(shop, "EXC-SUB-1", 1300.00m);
        var raised = await subscriber.NextAsync();
        var caseId = raised.GetProperty("exceptionCaseChanged").GetProperty("caseId").GetString();
        var resolved = (await _api.DataAsync(finance.PlainKey, """
            mutation($input: ResolveExceptionCaseInput!) { resolveExceptionCase(input: $input) { userErrors { code } } }
            """, new { input = new { caseId, resolution = "APPROVED", note = "Approved on the phone." } })).GetProperty("resolveExceptionCase");
        Assert.Equal(0, resolved.GetProperty("userErrors").GetArrayLength());
        await _api.SettleAsync();
        var closed = await subscriber.NextAsync();

        var first = raised.GetProperty("exceptionCaseChanged");
        Assert.Equal(("HIGH_VALUE_APPROVAL", "FINANCE", "WEB", "RAISED", Actor.SystemId),
            (first.GetProperty("type").GetString(), first.GetProperty("queue").GetString(), first.GetProperty("channel").GetString(),
             first.GetProperty("action").GetString(), first.GetProperty("actorId").GetString()));
        Assert.Equal(orderId, first.GetProperty("exceptionCase").GetProperty("subject").GetProperty("id").GetString());
        var second = closed.GetProperty("exceptionCaseChanged");
        Assert.Equal((caseId, "RESOLVED", $"api-client:{finance.ClientId}"),
            (second.GetProperty("caseId").GetString(), second.GetProperty("action").GetString(), second.GetProperty("actorId").GetString()));
        Assert.Equal(("RESOLVED", "APPROVED"), (second.GetProperty("exceptionCase").GetProperty("status").GetString(),
            second.GetProperty("exceptionCase").GetProperty("resolution").GetString()));
        Assert.True(second.GetProperty("sequence").GetInt64() > first.GetProperty("sequence").GetInt64());
        // Nothing else was sent in between or after: the manual case and the order's own events never reached Finance.
        Assert.Empty(await subscriber.UntilPongAsync());
    }

    [Theory]
    [InlineData("""{ "queues": ["OPERATIONS_MANAGER"] }""", "FORBIDDEN")]
    [InlineData("""{ "types": ["NOT_A_TYPE"] }""", null)]
    public async Task ABadOrHiddenArgument_IsRefusedOnTheSocket_WithAnError(string variables, string? code)
    {
        var finance = await _api.IssueKeyAsync([ApiScopes.ExceptionsRead], roles: [Roles.Finance]);
        await using var subscriber = await _api.SubscribeAsync(finance, Subscription, JsonDocument.Parse(variables).RootElement);

        var answer = Assert.Single(await subscriber.UntilPongAsync());

        Assert.True(answer.GetProperty("type").GetString() == "error", answer.ToString());
        var error = answer.GetProperty("payload")[0];
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (code is not null)
            Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AKeyWithoutExceptionsRead_AndAPartnerKey_AreRefusedWithForbidden()
    {
        var ordersOnly = await _api.IssueKeyAsync([ApiScopes.OrdersRead], roles: [Roles.Finance]);
        var partner = await _api.IssueKeyAsync([.. ApiScopes.All], ["WEB"], [Roles.Finance]);

        foreach (var key in new[] { ordersOnly, partner })
        {
            await using var subscriber = await _api.SubscribeAsync(key, Subscription);
            var answer = Assert.Single(await subscriber.UntilPongAsync());
            Assert.True(answer.GetProperty("type").GetString() == "error", answer.ToString());
            Assert.Equal("FORBIDDEN", answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    private async Task<string> CaptureAsync(string key, string externalId, decimal unitPrice)
    {
        var captured = (await _api.DataAsync(key, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order(externalId, unitPrice: unitPrice)))
            .GetProperty("captureOrder");
        await _api.SettleAsync();
        return captured.GetProperty("order").GetProperty("id").GetString()!;
    }
}
