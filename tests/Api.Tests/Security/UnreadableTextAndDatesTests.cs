using EcomErp.Api.Tests.GraphQL.EndToEnd;
using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Inventory;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Text nobody can read as it was meant (a NUL, a direction override, nothing visible) and dates far outside the business
/// range are refused at the API as userErrors naming the code and the field; nothing reaches the database.
/// </summary>
public sealed class UnreadableTextAndDatesTests : IAsyncLifetime
{
    private const string Capture = """
        mutation Capture($input: CaptureOrderInput!) {
          captureOrder(input: $input) { order { id } userErrors { code field message } }
        }
        """;

    private const string PurchaseOrderFields = "purchaseOrder { id } userErrors { code field message }";

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _shop = null!;
    private string _planner = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _shop = await Api.IssueKeyAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
        _planner = await Api.IssueKeyAsync(ApiScopes.InventoryWrite);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private static object Order(string customerName = "Anna Schmidt", string line1 = "Invalidenstraße 1", string city = "Berlin") => new
    {
        input = new
        {
            channel = "WEB",
            externalOrderId = "TEXT-1",
            customer = new { email = "anna.schmidt@example.com", name = customerName },
            shipTo = new { name = "Anna Schmidt", line1, city, postalCode = "10115", country = "DE" },
            lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity = 1, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
        },
    };

    public static TheoryData<string, object, string, string> UnreadableCaptures => new()
    {
        { "a NUL in the customer name", Order(customerName: "Anna\0Schmidt"), TextRules.ControlCharacterCode, "customer.name" },
        { "a right-to-left override in an address line", Order(line1: "Invalidenstraße \u202E1 gnubeilfeB"), TextRules.BidiOverrideCode, "shipTo.line1" },
        { "a city of zero-width spaces", Order(city: "\u200B\u200B"), TextRules.InvisibleOnlyCode, "shipTo.city" },
    };

    [Theory]
    [MemberData(nameof(UnreadableCaptures))]
    public async Task CaptureWithUnreadableText_AnswersAUserErrorWithTheCodeAndField_AndWritesNothing(
        string what, object variables, string code, string field)
    {
        var writesBefore = await WriteSideCountsAsync();

        var payload = (await Api.DataAsync(_shop, Capture, variables)).GetProperty("captureOrder");

        Assert.True(payload.GetProperty("order").ValueKind == JsonValueKind.Null, what);
        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal((code, field), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        Assert.Equal(writesBefore, await WriteSideCountsAsync());
    }

    [Fact]
    public async Task PurchaseOrderExpectedOnTheLastDayOfYear9999_AnswersDateOutOfRangeOnTheLine_AndWritesNothing()
    {
        var writesBefore = await WriteSideCountsAsync();

        var payload = await Api.MutateAsync(_planner, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrderFields, new
        {
            supplier = "TEXTIL-PORTO",
            location = "WH-BERLIN",
            lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity = 10, expectedOn = "9999-12-31" } },
        });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("purchaseOrder").ValueKind);
        Assert.Equal([(BusinessDates.OutOfRangeCode, "lines[0].expectedOn")], InventoryTestKit.UserErrors(payload));
        Assert.Equal(writesBefore, await WriteSideCountsAsync());
    }

    [Fact]
    public async Task CancellationReasonOnSeveralLines_IsKept_ButOneWithANulIsRefused()
    {
        var captured = (await Api.DataAsync(_shop, Capture, Order())).GetProperty("captureOrder");
        var orderId = captured.GetProperty("order").GetProperty("id").GetString();
        const string Cancel = "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } userErrors { code field } } }";

        var refused = (await Api.DataAsync(_shop, Cancel, new { input = new { orderId, reason = "Buyer called.\0" } })).GetProperty("cancelOrder");
        var kept = (await Api.DataAsync(_shop, Cancel, new { input = new { orderId, reason = "Buyer called.\nRefund by card." } })).GetProperty("cancelOrder");

        Assert.Equal([(TextRules.ControlCharacterCode, "reason")], InventoryTestKit.UserErrors(refused));
        Assert.Equal("CANCELLED", kept.GetProperty("order").GetProperty("status").GetString());
    }

    /// <summary>What the write side holds: orders, purchase orders and outbox rows, read from the SQLite file itself.</summary>
    private async Task<(int Orders, int PurchaseOrders, int OutboxRows)> WriteSideCountsAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        return (await db.Orders.CountAsync(), await db.Set<PurchaseOrder>().CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
