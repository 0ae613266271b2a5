using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Finance;

/// <summary>
/// The finance reads through GraphQL on the real host with the demo data: the journal paged and filtered, the trial balance
/// and the inventory valuation after stock moved through the API, the documents of an order; only with 'finance:read', never
/// for a partner key, and bad input answers a code.
/// </summary>
public sealed class FinanceApiTests : IAsyncLifetime
{
    private const string From = "WH-BERLIN";
    private const string To = "WH-LEEDS";

    private const string JournalQuery = """
        query($filter: JournalEntryFilter, $first: Int = 5, $after: String) {
          journalEntries(filter: $filter, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
            nodes { id postedAt rule description source { type id version } lines { account debit { amount currencyCode } credit { amount currencyCode } sku location reference } }
          }
        }
        """;

    private const string ReportsQuery = """
        {
          trialBalance { balances accounts { account type balance { amount currencyCode } } }
          inventoryValuation { reconciles skus { sku valuedUnits } mismatches { sku } totals { amount currencyCode } }
        }
        """;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _finance = null!;
    private string _sku = null!;
    private string _orderId = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        var admin = await Api.IssueKeyAsync([.. ApiScopes.All], []);
        _finance = await Api.IssueKeyAsync(ApiScopes.FinanceRead);
        _sku = (await Api.SkuWithAvailableAsync(From, 10)).Sku;
        Succeeded(await Api.MutateAsync(admin, "adjustStock", "AdjustStockInput", "adjustment { id } userErrors { code message }",
            new { sku = _sku, location = From, quantityChange = 2, reasonCode = "FOUND" }), "adjustment");
        Succeeded(await Api.MutateAsync(admin, "shipTransfer", "ShipTransferInput", "transfer { id } userErrors { code message }",
            new { fromLocation = From, toLocation = To, lines = new[] { new { sku = _sku, quantity = 3 } } }), "transfer");
        var captured = await Api.MutateAsync(admin, "captureOrder", "CaptureOrderInput", "order { id } userErrors { code message }",
            OrderFlowEndToEndTests.CaptureInput("FIN-1", "WEB", _sku));
        _orderId = Succeeded(captured, "order").GetProperty("id").GetString()!;
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private async Task<JsonElement> JournalAsync(object? variables = null) => (await Api.DataAsync(_finance, JournalQuery, variables)).GetProperty("journalEntries");

    private static string? ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task TheJournal_PagesNewestFirstWithCursors_AndFiltersByAccountSourceTypeAndTime()
    {
        var first = await JournalAsync(new { first = 2 });
        var rest = await JournalAsync(new { first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var inventory = await JournalAsync(new { filter = new { account = "inventory" }, first = 20 });
        var future = await JournalAsync(new { filter = new { from = DateTimeOffset.UtcNow.AddDays(1) } });

        Assert.True(first.GetProperty("totalCount").GetInt32() > 2, "The seed and the moves above post more than a page.");
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(rest.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        var nodes = first.GetProperty("nodes").EnumerateArray().Concat(rest.GetProperty("nodes").EnumerateArray()).ToList();
        Assert.Equal(4, nodes.Select(n => n.GetProperty("id").GetString()).Distinct().Count());
        var postedAt = nodes.Select(n => n.GetProperty("postedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(postedAt.OrderDescending(), postedAt);

        var inventoryEntries = inventory.GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(inventoryEntries);
        Assert.All(inventoryEntries, e => Assert.Contains(e.GetProperty("lines").EnumerateArray(), l => l.GetProperty("account").GetString() == ChartOfAccounts.Inventory));
        Assert.Contains(inventoryEntries, e => e.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("sku").GetString() == _sku && l.GetProperty("location").GetString() == To));
        var sourceType = inventoryEntries[0].GetProperty("source").GetProperty("type").GetString();
        var bySource = await JournalAsync(new { filter = new { sourceType }, first = 20 });
        Assert.All(bySource.GetProperty("nodes").EnumerateArray(), e => Assert.Equal(sourceType, e.GetProperty("source").GetProperty("type").GetString()));
        Assert.Equal(0, future.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AfterAnAdjustmentAndAShipment_TheTrialBalanceBalances_AndTheValuationHasNoMismatch()
    {
        var data = await Api.DataAsync(_finance, ReportsQuery);

        var trial = data.GetProperty("trialBalance");
        Assert.True(trial.GetProperty("balances").GetBoolean(), trial.ToString());
        Assert.Contains(trial.GetProperty("accounts").EnumerateArray(), a => a.GetProperty("account").GetString() == ChartOfAccounts.Inventory && a.GetProperty("type").GetString() == "ASSET");
        Assert.Contains(trial.GetProperty("accounts").EnumerateArray(), a => a.GetProperty("account").GetString() == ChartOfAccounts.InventoryAdjustments);
        var valuation = data.GetProperty("inventoryValuation");
        Assert.True(valuation.GetProperty("reconciles").GetBoolean(), valuation.GetProperty("mismatches").ToString());
        Assert.Equal(0, valuation.GetProperty("mismatches").GetArrayLength());
        Assert.Contains(valuation.GetProperty("skus").EnumerateArray(), s => s.GetProperty("sku").GetString() == _sku);
        Assert.NotEqual(0, valuation.GetProperty("totals").GetArrayLength());
    }

    [Fact]
    public async Task AnOrderWithoutDocuments_HasNone_AndAnUnknownNumberIsNoDocument()
    {
        var data = await Api.DataAsync(_finance, "query($orderId: ID!) { financeDocuments(orderId: $orderId) { number } financeDocument(number: \"INV-NONE\") { number } }",
            new { orderId = _orderId });

        Assert.Equal(0, data.GetProperty("financeDocuments").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("financeDocument").ValueKind);
    }

    [Theory]
    [InlineData("{ journalEntries { totalCount } }")]
    [InlineData("{ trialBalance { balances } }")]
    [InlineData("{ inventoryValuation { reconciles } }")]
    [InlineData("{ financeDocument(number: \"INV-1\") { number } }")]
    [InlineData("{ financeDocuments(orderId: \"00000000-0000-0000-0000-000000000001\") { number } }")]
    public async Task EveryFinanceField_IsForbiddenToAKeyWithoutFinanceRead_AndToAPartnerKeyWithEveryScope(string document)
    {
        var orders = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.InventoryRead, ApiScopes.AuditRead);
        var partner = await Api.IssueKeyAsync([.. ApiScopes.All], ["WEB"]);

        var (withoutScopeStatus, withoutScope) = await Api.PostAsync(orders, document);
        var (partnerStatus, fromPartner) = await Api.PostAsync(partner, document);

        Assert.Equal((200, 200), (withoutScopeStatus, partnerStatus));
        Assert.Equal("FORBIDDEN", ErrorCode(withoutScope));
        Assert.Contains("finance:read", withoutScope.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FORBIDDEN", ErrorCode(fromPartner));
        Assert.Contains("restricted to channels", fromPartner.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("an account outside the chart", """{ "filter": { "account": "PETTY_CASH" } }""", CommonErrors.ValidationFailed)]
    [InlineData("a window ending before it starts", """{ "filter": { "from": "2026-03-02T00:00:00Z", "to": "2026-03-01T00:00:00Z" } }""", CommonErrors.ValidationFailed)]
    [InlineData("a cursor this API never issued", """{ "after": "not-a-cursor" }""", "INVALID_CURSOR")]
    [InlineData("a negative page size", """{ "first": -1 }""", null)]
    public async Task BadJournalInput_AnswersACode_NeverA500(string because, string variables, string? code)
    {
        var (status, body) = await Api.PostAsync(_finance, JournalQuery, JsonSerializer.Deserialize<JsonElement>(variables));

        Assert.True(status == 200, because);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.False(string.IsNullOrEmpty(ErrorCode(body)), because);
        if (code is not null)
            Assert.Equal(code, ErrorCode(body));
    }
}
