using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>Returns as a channel front end, the warehouse and finance drive them through the real schema.</summary>
public sealed class ReturnApiTests : IAsyncLifetime
{
    private const string Partner = "MKT-ZALANDO";
    private const string ReturnFields = """
        return {
          id rmaNumber orderId channel status creditNoteNumber version
          refundTotal { amount currencyCode } returnShippingFee { amount currencyCode }
          order { id status }
          lines { orderLineNumber sku quantity receivedQuantity resellableQuantity restockedQuantity unitPrice { amount currencyCode } }
          timeline { sequence from to }
        }
        userErrors { code field message }
        """;

    private const string ReturnQuery = "query($id: ID!) { return(id: $id) { id status rmaNumber } }";

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _admin = null!;
    private string _partner = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _admin = (await Api.IssueClientAsync([.. ApiScopes.All], [], [.. ApiClient.GrantableRoles])).PlainKey;
        _partner = (await Api.IssueClientAsync([.. ApiScopes.All], [Partner], [Roles.CustomerService])).PlainKey;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private Task<JsonElement> ReturnStepAsync(string key, string name, object input) =>
        Api.MutateAsync(key, name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", ReturnFields, input);

    /// <summary>An order captured on the channel, allocated by the system, shipped and so invoiced; answers its id and the location it shipped from.</summary>
    private Task<(string OrderId, string Location)> ShippedOrderAsync(string externalId, string channel = "WEB") =>
        ReturnTestKit.ShippedOrderAsync((query, variables) => Api.DataAsync(_admin, query, variables), Api.SettleAsync, _admin, externalId, channel);

    private async Task<JsonElement?> ReadReturnAsync(string key, string id)
    {
        var found = (await Api.DataAsync(key, ReturnQuery, new { id })).GetProperty("return");
        return found.ValueKind == JsonValueKind.Null ? null : found;
    }

    [Fact]
    public async Task AReturn_RequestedReceivedInspectedRestockedRefundedAndClosed_ThroughGraphQL_PutsTheUnitsBackOnTheShelfUnderItsRma()
    {
        var (orderId, location) = await ShippedOrderAsync("WEB-RMA-FLOW-1");
        const string sku = "TEE-CREW-M-BLK";
        var before = await Api.LevelsAsync(sku, location);

        var requested = Succeeded(await ReturnStepAsync(_admin, "requestReturn",
            new { orderId, lines = new[] { new { orderLineNumber = 1, quantity = 2, reasonCode = "WRONG_SIZE", comment = "Too small" } } }), "return");
        var id = requested.GetProperty("id").GetString()!;
        if (requested.GetProperty("status").GetString() == "REQUESTED")
            Succeeded(await ReturnStepAsync(_admin, "authorizeReturn", new { returnId = id }), "return");
        Succeeded(await ReturnStepAsync(_admin, "receiveReturn",
            new { returnId = id, receiptId = Guid.NewGuid(), location, lines = new[] { new { orderLineNumber = 1, quantity = 2 } } }), "return");
        var inspected = Succeeded(await ReturnStepAsync(_admin, "inspectReturnLines",
            new { returnId = id, lines = new[] { new { orderLineNumber = 1, grades = new[] { "RESELLABLE", "RESELLABLE" } } } }), "return");
        var dispositioned = Succeeded(await ReturnStepAsync(_admin, "dispositionReturnLines",
            new { returnId = id, lines = new[] { new { orderLineNumber = 1, disposition = "RESTOCK", quantity = 2 } } }), "return");
        var refunded = Succeeded(await ReturnStepAsync(_admin, "refundReturn", new { returnId = id }), "return");
        var closed = Succeeded(await ReturnStepAsync(_admin, "closeReturn", new { returnId = id, expectedVersion = refunded.GetProperty("version").GetInt32() }), "return");

        Assert.Equal((orderId, "WEB", orderId), (requested.GetProperty("orderId").GetString(), requested.GetProperty("channel").GetString(),
            requested.GetProperty("order").GetProperty("id").GetString()));
        Assert.Equal("INSPECTED", inspected.GetProperty("status").GetString());
        var line = dispositioned.GetProperty("lines")[0];
        Assert.Equal((sku, 2, 2, 2, 2), (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("receivedQuantity").GetInt32(),
            line.GetProperty("resellableQuantity").GetInt32(), line.GetProperty("restockedQuantity").GetInt32()));
        Assert.Equal(("25.00", "EUR"), (line.GetProperty("unitPrice").GetProperty("amount").GetString(), line.GetProperty("unitPrice").GetProperty("currencyCode").GetString()));
        Assert.Equal("REFUNDED", refunded.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(refunded.GetProperty("creditNoteNumber").GetString()));
        Assert.NotEqual("0.00", refunded.GetProperty("refundTotal").GetProperty("amount").GetString());
        Assert.Equal("CLOSED", closed.GetProperty("status").GetString());
        Assert.Equal("CLOSED", closed.GetProperty("timeline").EnumerateArray().Last().GetProperty("to").GetString());
        Assert.Equal(before.Available + 2, (await Api.LevelsAsync(sku, location)).Available);
        Assert.Equal(("CLOSED", requested.GetProperty("rmaNumber").GetString()),
            ((await ReadReturnAsync(_admin, id))!.Value.GetProperty("status").GetString(), (await ReadReturnAsync(_admin, id))!.Value.GetProperty("rmaNumber").GetString()));
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task ARequestNamingTheSkuTheLineShippedAs_IsTaken_AndOneNamingAnotherSku_IsRefusedWithItsCodeOnTheSku()
    {
        var (orderId, _) = await ShippedOrderAsync("WEB-RMA-SKU-1");

        var otherSku = await ReturnStepAsync(_admin, "requestReturn",
            new { orderId, lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE", sku = "TEE-VNECK-M-BLK" } } });
        var named = Succeeded(await ReturnStepAsync(_admin, "requestReturn",
            new { orderId, lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE", sku = "TEE-CREW-M-BLK" } } }), "return");

        Assert.Equal(JsonValueKind.Null, otherSku.GetProperty("return").ValueKind);
        Assert.Equal([(ReturnErrors.SkuNotShippedCode, "lines[0].sku")], UserErrors(otherSku));
        var line = named.GetProperty("lines")[0];
        Assert.Equal(("TEE-CREW-M-BLK", 1), (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task AnExchangeForAnItemOfAnotherValue_IsRefusedAsNotEven_AndChangesNothing_WhileAnotherSizeOfTheTee_IsTaken()
    {
        // Crew tees sold at 20.00; the catalog lists them at 25.00 and the zip hoodie at 79.00.
        var (orderId, _) = await ReturnTestKit.ShippedOrderAsync((query, variables) => Api.DataAsync(_admin, query, variables), Api.SettleAsync, _admin,
            "WEB-RMA-EVEN-1", unitPrice: 20.00m);
        var before = await Api.BalancesAsync();
        const string fields = "return { rmaNumber lines { exchangeSku exchangeQuantity } } userErrors { code field message }";
        object Exchange(string sku) => new { orderId, lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE", exchangeSku = sku, exchangeQuantity = 1 } } };

        var dearer = await Api.MutateAsync(_admin, "requestReturn", "RequestReturnInput", fields, Exchange("HOODIE-ZIP-M-OLV"));
        await Api.SettleAsync();
        await Api.SettleAsync();

        Assert.Equal(JsonValueKind.Null, dearer.GetProperty("return").ValueKind);
        Assert.Equal([(ReturnErrors.ExchangeNotEvenCode, "lines[0].exchangeSku")], UserErrors(dearer));
        Assert.StartsWith("HOODIE-ZIP-M-OLV lists at 79.00 EUR; the unit of TEE-CREW-M-BLK coming back was sold at 20.00 EUR.",
            dearer.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal(before, await Api.BalancesAsync());

        var larger = Succeeded(await Api.MutateAsync(_admin, "requestReturn", "RequestReturnInput", fields, Exchange("TEE-CREW-L-BLK")), "return");
        Assert.Equal(("TEE-CREW-L-BLK", 1), (larger.GetProperty("lines")[0].GetProperty("exchangeSku").GetString(),
            larger.GetProperty("lines")[0].GetProperty("exchangeQuantity").GetInt32()));
    }

    [Fact]
    public async Task BadReturnInput_AnswersUserErrorsWithCodesAndFields_AndChangesNothing()
    {
        var (orderId, location) = await ShippedOrderAsync("WEB-RMA-BAD-1");
        var before = await Api.BalancesAsync();

        var overReturn = await ReturnStepAsync(_admin, "requestReturn",
            new { orderId, lines = new[] { new { orderLineNumber = 1, quantity = 3, reasonCode = "WRONG_SIZE" } } });
        var unknownOrder = await ReturnStepAsync(_admin, "requestReturn",
            new { orderId = Guid.NewGuid(), lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE" } } });
        var malformedOrder = await ReturnStepAsync(_admin, "requestReturn",
            new { orderId = "not-an-id", lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE" } } });
        var malformedReturn = await ReturnStepAsync(_admin, "receiveReturn",
            new { returnId = "not-an-id", receiptId = Guid.NewGuid(), location, lines = new[] { new { orderLineNumber = 1, quantity = 1 } } });
        var unknownReturn = await ReturnStepAsync(_admin, "refundReturn", new { returnId = Guid.NewGuid() });

        Assert.Equal(JsonValueKind.Null, overReturn.GetProperty("return").ValueKind);
        Assert.NotEmpty(UserErrors(overReturn));
        Assert.All(UserErrors(overReturn), e => Assert.StartsWith("RETURN_", e.Code));
        Assert.Equal([(OrderErrors.NotFoundCode, "orderId")], UserErrors(unknownOrder));
        Assert.Equal([(OrderErrors.NotFoundCode, "orderId")], UserErrors(malformedOrder));
        Assert.Equal([(ReturnErrors.NotFoundCode, "returnId")], UserErrors(malformedReturn));
        Assert.Equal([ReturnErrors.NotFoundCode], UserErrors(unknownReturn).Select(e => e.Code));
        Assert.Equal(before, await Api.BalancesAsync());
    }

    [Fact]
    public async Task AChannelRestrictedKey_RequestsAndReadsReturnsOfItsOwnChannel_AndFindsNoOtherChannelsOrderOrReturn()
    {
        var (ownOrder, _) = await ShippedOrderAsync("ZAL-RMA-1", Partner);
        var (foreignOrder, _) = await ShippedOrderAsync("WEB-RMA-FOREIGN-1");
        var lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE" } };
        var foreignReturn = Succeeded(await ReturnStepAsync(_admin, "requestReturn", new { orderId = foreignOrder, lines }), "return").GetProperty("id").GetString()!;

        var own = Succeeded(await ReturnStepAsync(_partner, "requestReturn", new { orderId = ownOrder, lines }), "return");
        var onForeignOrder = await ReturnStepAsync(_partner, "requestReturn", new { orderId = foreignOrder, lines });
        var cancelForeign = await ReturnStepAsync(_partner, "cancelReturn", new { returnId = foreignReturn, reason = "Not mine" });

        Assert.Equal(Partner, own.GetProperty("channel").GetString());
        Assert.Equal(own.GetProperty("id").GetString(), (await ReadReturnAsync(_partner, own.GetProperty("id").GetString()!))!.Value.GetProperty("id").GetString());
        Assert.Equal([(OrderErrors.NotFoundCode, "orderId")], UserErrors(onForeignOrder));
        Assert.Equal([ReturnErrors.NotFoundCode], UserErrors(cancelForeign).Select(e => e.Code));
        Assert.Null(await ReadReturnAsync(_partner, foreignReturn));
        Assert.NotEqual("CANCELLED", (await ReadReturnAsync(_admin, foreignReturn))!.Value.GetProperty("status").GetString());
    }
}
