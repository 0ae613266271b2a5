using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Api.Tests.GraphQL.Audit;

/// <summary>
/// The audit log through GraphQL on the real host on Kestrel: commands sent by API keys are recorded with their outcome, and
/// a key with 'audit:read' lists them filtered and paged; no other key, and never a partner key, reads it.
/// </summary>
public sealed class AuditLogApiTests : IAsyncLifetime
{
    private const string ListQuery = """
        query($filter: AuditLogFilter, $first: Int = 5, $after: String) {
          auditLog(filter: $filter, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
            nodes { id command outcome errorCodes actor { id name kind roles } subject { kind id } changes { record } }
          }
        }
        """;

    private LiveApi _api = null!;
    private IssuedApiClient _shop = null!;
    private string _auditor = null!;
    private string _orderId = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });
        _shop = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        _auditor = await _api.IssueKeyAsync([ApiScopes.AuditRead]);

        var captured = (await _api.DataAsync(_shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("AUDIT-1"))).GetProperty("captureOrder");
        _orderId = captured.GetProperty("order").GetProperty("id").GetString()!;
        var refused = (await _api.DataAsync(_shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("AUDIT-2", channel: "NOWHERE")))
            .GetProperty("captureOrder");
        Assert.Equal(OrderErrors.UnknownChannelCode, refused.GetProperty("userErrors")[0].GetProperty("code").GetString());
        await _api.DataAsync(_shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("AUDIT-3"));
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<JsonElement> ListAsync(object? variables = null) => (await _api.DataAsync(_auditor, ListQuery, variables)).GetProperty("auditLog");

    private static string? ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task CommandsSentWithAKey_AreListedNewestFirst_WithTheKeyAsActor_TheirSubjectAndOutcome()
    {
        var log = await ListAsync(new { filter = new { actorId = $"api-client:{_shop.ClientId}" } });

        var nodes = log.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(3, log.GetProperty("totalCount").GetInt32());
        Assert.Equal(["SUCCEEDED", "REFUSED", "SUCCEEDED"], nodes.Select(n => n.GetProperty("outcome").GetString()));
        Assert.All(nodes, n => Assert.Equal(("CaptureOrder", "API_CLIENT", _shop.Name),
            (n.GetProperty("command").GetString(), n.GetProperty("actor").GetProperty("kind").GetString(), n.GetProperty("actor").GetProperty("name").GetString())));
        Assert.Equal(["CUSTOMER_SERVICE"], nodes[0].GetProperty("actor").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([OrderErrors.UnknownChannelCode], nodes[1].GetProperty("errorCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("Order", _orderId), (nodes[2].GetProperty("subject").GetProperty("kind").GetString(), nodes[2].GetProperty("subject").GetProperty("id").GetString()));
        Assert.Equal(0, nodes[2].GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task TheLog_FiltersBySubjectOutcomeAndTime_AndPagesWithCursors()
    {
        var aboutOrder = await ListAsync(new { filter = new { subjectId = _orderId } });
        var refused = await ListAsync(new { filter = new { outcome = "REFUSED" } });
        var future = await ListAsync(new { filter = new { from = DateTimeOffset.UtcNow.AddDays(1) } });
        var first = await ListAsync(new { first = 2 });
        Assert.Equal(2, first.GetProperty("nodes").GetArrayLength());
        var rest = await ListAsync(new { first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() });

        Assert.Equal([_orderId], aboutOrder.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("subject").GetProperty("id").GetString()));
        Assert.Equal(1, refused.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, future.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(3, first.GetProperty("totalCount").GetInt32() );
        Assert.Equal((1, false, true), (rest.GetProperty("nodes").GetArrayLength(), rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(),
            rest.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()));
        var ids = first.GetProperty("nodes").EnumerateArray().Concat(rest.GetProperty("nodes").EnumerateArray()).Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task AWindowEndingBeforeItStarts_IsRefusedWithACode()
    {
        var (_, body) = await _api.PostAsync(_auditor, ListQuery, new { filter = new { from = "2026-03-02T00:00:00Z", to = "2026-03-01T00:00:00Z" } });

        Assert.Equal(CommonErrors.ValidationFailed, ErrorCode(body));
    }

    [Fact]
    public async Task AKeyWithoutTheAuditScope_AndAPartnerKeyWithEveryScope_AreForbidden()
    {
        var partner = await _api.IssueKeyAsync([.. ApiScopes.All], ["WEB"]);

        var (_, withoutScope) = await _api.PostAsync(_shop.PlainKey, ListQuery);
        var (_, fromPartner) = await _api.PostAsync(partner, ListQuery);

        Assert.Equal("FORBIDDEN", ErrorCode(withoutScope));
        Assert.Contains("audit:read", withoutScope.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FORBIDDEN", ErrorCode(fromPartner));
        Assert.Equal(JsonValueKind.Null, fromPartner.GetProperty("data").ValueKind);
    }
}
