using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Application.Returns.Kpis;
using EcomErp.Domain.Access;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>
/// The return KPIs through GraphQL on the real host: the window and channel as asked, only with 'returns:read', never for a
/// partner key (the figures count every SKU's shipped units), and bad windows answer a code, never a 500.
/// </summary>
public sealed class ReturnKpiApiTests : IAsyncLifetime
{
    private const string KpiQuery = """
        query($from: DateOnly!, $to: DateOnly!, $channel: String) {
          returnKpis(from: $from, to: $to, channel: $channel) {
            from to channel unitsShipped unitsReturned returnRate
            dispositionCycle { count averageHours p50Hours p90Hours }
            requestToRefund { count averageHours p50Hours p90Hours }
            bySku { sku unitsShipped unitsReturned returnRate }
            byReason { reasonCode unitsReturned returnRate }
          }
        }
        """;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _returns = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _returns = await Api.IssueKeyAsync(ApiScopes.ReturnsRead);
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private static string? ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task AKeyWithReturnsRead_GetsTheWindowAndChannelItAskedFor()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var kpis = (await Api.DataAsync(_returns, KpiQuery, new { from = today.AddDays(-6).ToString("yyyy-MM-dd"), to = today.ToString("yyyy-MM-dd"), channel = "WEB" }))
            .GetProperty("returnKpis");

        Assert.Equal((today.AddDays(-6).ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd"), "WEB"),
            (kpis.GetProperty("from").GetString(), kpis.GetProperty("to").GetString(), kpis.GetProperty("channel").GetString()));
        var bySku = kpis.GetProperty("bySku").EnumerateArray().ToList();
        Assert.Equal(kpis.GetProperty("unitsShipped").GetInt32(), bySku.Sum(s => s.GetProperty("unitsShipped").GetInt32()));
        Assert.Equal(kpis.GetProperty("unitsReturned").GetInt32(), bySku.Sum(s => s.GetProperty("unitsReturned").GetInt32()));
        Assert.True(kpis.GetProperty("dispositionCycle").GetProperty("count").GetInt32() >= 0);
    }

    [Fact]
    public async Task ReturnKpis_AreForbiddenWithoutReturnsRead_AndToAPartnerKeyWithEveryScope()
    {
        var orders = await Api.IssueKeyAsync(ApiScopes.OrdersRead);
        var partner = await Api.IssueKeyAsync([.. ApiScopes.All], ["WEB"]);
        var window = new { from = "2026-03-01", to = "2026-03-02" };

        var (withoutScopeStatus, withoutScope) = await Api.PostAsync(orders, KpiQuery, window);
        var (partnerStatus, fromPartner) = await Api.PostAsync(partner, KpiQuery, window);

        Assert.Equal((200, 200), (withoutScopeStatus, partnerStatus));
        Assert.Equal("FORBIDDEN", ErrorCode(withoutScope));
        Assert.Contains(ApiScopes.ReturnsRead, withoutScope.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FORBIDDEN", ErrorCode(fromPartner));
        Assert.Contains("restricted to channels", fromPartner.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private const string CustomerQuery = """
        query($from: DateOnly!, $to: DateOnly!, $top: Int!, $min: Int!) {
          returnKpis(from: $from, to: $to, topCustomers: $top, customerMinShippedUnits: $min) {
            unitsShipped
            byCustomer { customerEmail unitsShipped unitsReturned returnRate }
          }
        }
        """;

    [Fact]
    public async Task ByCustomer_RanksTheCustomersByRate_ForAKeyThatMayReadOrders_AndIsForbiddenWithoutOrdersRead()
    {
        var admin = (await Api.IssueClientAsync([.. ApiScopes.All], [], [.. ApiClient.GrantableRoles])).PlainKey;
        var (orderId, _) = await ReturnTestKit.ShippedOrderAsync((query, variables) => Api.DataAsync(admin, query, variables), Api.SettleAsync, admin, "WEB-KPI-CUSTOMER-1");
        var requested = (await ReturnTestKit.StepAsync((query, variables) => Api.DataAsync(admin, query, variables), "requestReturn",
            new { orderId, lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE" } } })).GetProperty("userErrors");
        Assert.Equal(0, requested.GetArrayLength());
        await Api.SettleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var window = new { from = today, to = today, top = 5, min = 1 };

        var ranked = (await Api.DataAsync(admin, CustomerQuery, window)).GetProperty("returnKpis").GetProperty("byCustomer");
        var (status, withoutOrdersRead) = await Api.PostAsync(_returns, CustomerQuery, window);
        var (_, tooMany) = await Api.PostAsync(admin, CustomerQuery, new { from = today, to = today, top = 101, min = 1 });

        var anna = Assert.Single(ranked.EnumerateArray());
        Assert.Equal(("anna.schmidt@example.com", 2, 1, 0.5), (anna.GetProperty("customerEmail").GetString(), anna.GetProperty("unitsShipped").GetInt32(),
            anna.GetProperty("unitsReturned").GetInt32(), anna.GetProperty("returnRate").GetDouble()));
        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Null, withoutOrdersRead.GetProperty("data").GetProperty("returnKpis").GetProperty("byCustomer").ValueKind);
        Assert.Equal("FORBIDDEN", ErrorCode(withoutOrdersRead));
        Assert.Contains(ApiScopes.OrdersRead, withoutOrdersRead.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(ReturnKpiErrors.CustomerRankingInvalidCode, ErrorCode(tooMany));
    }

    [Theory]
    [InlineData("a window ending before it starts", """{ "from": "2026-03-02", "to": "2026-03-01" }""", ReturnKpiErrors.WindowInvalidCode)]
    [InlineData("a window of more than 366 days", """{ "from": "2024-01-01", "to": "2026-03-01" }""", ReturnKpiErrors.WindowInvalidCode)]
    [InlineData("a channel code that cannot be one", """{ "from": "2026-03-01", "to": "2026-03-01", "channel": "not a channel!" }""", "CHANNEL_CODE_INVALID")]
    [InlineData("a day that is not a date", """{ "from": "2026-02-30", "to": "2026-03-01" }""", null)]
    public async Task BadInput_AnswersACode_NeverA500(string because, string variables, string? code)
    {
        var (status, body) = await Api.PostAsync(_returns, KpiQuery, JsonSerializer.Deserialize<JsonElement>(variables));

        Assert.True(status is 200 or 400, because);
        Assert.False(string.IsNullOrEmpty(ErrorCode(body)), because);
        if (code is not null)
            Assert.Equal(code, ErrorCode(body));
    }
}
