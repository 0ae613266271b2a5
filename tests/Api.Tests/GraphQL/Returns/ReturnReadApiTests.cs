using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>
/// The read side of returns through the real schema on the real host: the returns connection, Return as a Node, the links
/// between returns and orders, Order's finance documents behind their own checks, and the steps not driven elsewhere.
/// </summary>
public sealed class ReturnReadApiTests : IAsyncLifetime
{
    private const string Partner = "MKT-ZALANDO";
    private const string Connection = """
        query($filter: ReturnFilter, $sort: ReturnSort, $first: Int, $after: String) {
          returns(filter: $filter, sort: $sort, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id rmaNumber channel status orderId externalOrderId }
          }
        }
        """;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }
    private string _admin = null!;
    private string _partner = null!;
    private string _requester = null!;
    private string _approver = null!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _admin = (await Api.IssueClientAsync([.. ApiScopes.All], [], [.. ApiClient.GrantableRoles])).PlainKey;
        _partner = (await Api.IssueClientAsync([.. ApiScopes.All], [Partner], [Roles.CustomerService])).PlainKey;
        _requester = (await Api.IssueClientAsync([.. ApiScopes.All], [], [Roles.CustomerService])).PlainKey;
        _approver = (await Api.IssueClientAsync([.. ApiScopes.All], [], [Roles.OperationsManager])).PlainKey;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private Func<string, object, Task<JsonElement>> As(string key) => (query, variables) => Api.DataAsync(key, query, variables);

    private Task<(string OrderId, string Location)> ShipAsync(string externalId, string channel = "WEB", string sku = "TEE-CREW-M-BLK", int quantity = 2, decimal unitPrice = 25m) =>
        ReturnTestKit.ShippedOrderAsync(As(_admin), Api.SettleAsync, _admin, externalId, channel, sku, quantity, unitPrice);

    private async Task<JsonElement> StepAsync(string key, string name, object input) => await ReturnTestKit.StepAsync(As(key), name, input);

    private static RequestedLine[] Lines(int quantity, string reasonCode = "WRONG_SIZE") => [new RequestedLine(1, quantity, reasonCode)];

    /// <summary>A ReturnLineRequestInput (sent camelCase).</summary>
    private sealed record RequestedLine(int OrderLineNumber, int Quantity, string ReasonCode);

    private async Task<string> ErrorCodeAsync(string key, string query, object variables)
    {
        var (status, body) = await Api.PostAsync(key, query, variables);
        Assert.True(status == 200 && body.TryGetProperty("errors", out _), $"{status}: {body}");
        return body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Returns_IsAConnectionFromTheReadModel_FilteredSortedAndPaged_AndAPartnerPagesOnlyItsChannel()
    {
        var (webOrder, _) = await ShipAsync("WEB-RR-1");
        var (partnerOrder, _) = await ShipAsync("ZAL-RR-1", Partner);
        var web = Succeeded(await StepAsync(_admin, "requestReturn", new { orderId = webOrder, lines = Lines(1) }), "return");
        var own = Succeeded(await StepAsync(_partner, "requestReturn", new { orderId = partnerOrder, lines = Lines(1) }), "return");
        await Api.SettleAsync();

        var first = (await Api.DataAsync(_admin, Connection, new { sort = new { field = "RMA", direction = "ASC" }, first = 1 })).GetProperty("returns");
        var next = (await Api.DataAsync(_admin, Connection, new { sort = new { field = "RMA", direction = "ASC" }, first = 1,
            after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("returns");
        Assert.Equal((2, true), (first.GetProperty("totalCount").GetInt32(), first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));
        Assert.Equal([web.GetProperty("id").GetString(), own.GetProperty("id").GetString()], Ids(first).Concat(Ids(next)));
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var webNode = first.GetProperty("nodes")[0];
        Assert.Equal(("WEB", webOrder, "WEB-RR-1", "AUTHORIZED"), (webNode.GetProperty("channel").GetString(), webNode.GetProperty("orderId").GetString(),
            webNode.GetProperty("externalOrderId").GetString(), webNode.GetProperty("status").GetString()));

        Assert.Equal([own.GetProperty("id").GetString()], Ids(await ListAsync(_admin, new { channels = new[] { "mkt-zalando" } })));
        Assert.Equal([web.GetProperty("id").GetString()], Ids(await ListAsync(_admin, new { orderId = webOrder })));
        Assert.Equal([own.GetProperty("id").GetString()], Ids(await ListAsync(_admin, new { rmaText = own.GetProperty("rmaNumber").GetString()![^6..] })));
        Assert.Empty(Ids(await ListAsync(_admin, new { statuses = new[] { "REQUESTED" } })));
        Assert.Equal(2, Ids(await ListAsync(_admin, new { needsApproval = false, olderThanDays = 0 })).Count);

        // The partner's key pages its own channel's returns only, whatever its filter names.
        Assert.Equal([own.GetProperty("id").GetString()], Ids(await ListAsync(_partner, null)));
        Assert.Empty(Ids(await ListAsync(_partner, new { channels = new[] { "WEB" } })));

        Assert.Equal("INVALID_CURSOR", await ErrorCodeAsync(_admin, Connection, new { after = "bm90LWEtY3Vyc29y" }));
        Assert.Equal("RETURN_FILTER_RANGE_INVALID", await ErrorCodeAsync(_admin, Connection,
            new { filter = new { requestedFrom = "2026-05-02T00:00:00Z", requestedTo = "2026-05-01T00:00:00Z" } }));
        Assert.Equal("RETURN_FILTER_AGE_INVALID", await ErrorCodeAsync(_admin, Connection, new { filter = new { olderThanDays = -1 } }));
        Assert.Equal("INVALID_ARGUMENT", await ErrorCodeAsync(_admin, Connection, new { filter = new { orderId = "not-an-id" } }));
        Assert.Equal("FORBIDDEN", await ErrorCodeAsync(await Api.IssueKeyAsync(ApiScopes.OrdersRead), Connection, new { }));
    }

    [Fact]
    public async Task AReturn_IsANode_LinkedToItsOrderAndReplacement_AndOrderReturnsShowsACallerOnlyItsChannels()
    {
        var (webOrder, _) = await ShipAsync("WEB-RR-NODE-1");
        var (partnerOrder, _) = await ShipAsync("ZAL-RR-NODE-1", Partner);
        var exchange = Succeeded(await StepAsync(_admin, "requestReturn", new
        {
            orderId = webOrder,
            lines = new[] { new { orderLineNumber = 1, quantity = 1, reasonCode = "WRONG_SIZE", exchangeSku = "TEE-CREW-L-BLK", exchangeQuantity = 1 } },
        }), "return");
        var own = Succeeded(await StepAsync(_partner, "requestReturn", new { orderId = partnerOrder, lines = Lines(1) }), "return");
        await Api.SettleAsync();
        await Api.SettleAsync();

        const string node = """
            query($id: ID!) {
              node(id: $id) { __typename id ... on Return { rmaNumber order { id externalOrderId } replacementOrderId replacementOrder { id externalOrderId channel } } }
            }
            """;
        var found = (await Api.DataAsync(_admin, node, new { id = exchange.GetProperty("id").GetString() })).GetProperty("node");
        Assert.Equal(("Return", webOrder, "WEB-RR-NODE-1"), (found.GetProperty("__typename").GetString(), found.GetProperty("order").GetProperty("id").GetString(),
            found.GetProperty("order").GetProperty("externalOrderId").GetString()));
        var replacement = found.GetProperty("replacementOrder");
        Assert.Equal((found.GetProperty("replacementOrderId").GetString(), $"{exchange.GetProperty("rmaNumber").GetString()}-EXCHANGE", "WEB"),
            (replacement.GetProperty("id").GetString(), replacement.GetProperty("externalOrderId").GetString(), replacement.GetProperty("channel").GetString()));

        Assert.Equal(JsonValueKind.Null, (await Api.DataAsync(_partner, node, new { id = exchange.GetProperty("id").GetString() })).GetProperty("node").ValueKind);
        Assert.Equal(own.GetProperty("id").GetString(), (await Api.DataAsync(_partner, node, new { id = own.GetProperty("id").GetString() })).GetProperty("node").GetProperty("id").GetString());
        var nodes = (await Api.DataAsync(_partner, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            new { ids = new[] { exchange.GetProperty("id").GetString(), own.GetProperty("id").GetString() } })).GetProperty("nodes");
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Object], nodes.EnumerateArray().Select(n => n.ValueKind));

        const string orderReturns = "query($id: ID!) { order(id: $id) { id returns { id channel unitsRequested value { amount currencyCode } } } }";
        var webReturns = (await Api.DataAsync(_admin, orderReturns, new { id = webOrder })).GetProperty("order").GetProperty("returns");
        Assert.Equal([exchange.GetProperty("id").GetString()], webReturns.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal((1, "25.00", "EUR"), (webReturns[0].GetProperty("unitsRequested").GetInt32(), webReturns[0].GetProperty("value").GetProperty("amount").GetString(),
            webReturns[0].GetProperty("value").GetProperty("currencyCode").GetString()));
        var partnerReturns = (await Api.DataAsync(_partner, orderReturns, new { id = partnerOrder })).GetProperty("order").GetProperty("returns");
        Assert.Equal([(own.GetProperty("id").GetString(), Partner)], partnerReturns.EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("channel").GetString())));

        // Without returns:read the field is refused and null; the order itself still answers.
        var (_, refused) = await Api.PostAsync(await Api.IssueKeyAsync(ApiScopes.OrdersRead), orderReturns, new { id = webOrder });
        Assert.Equal(("FORBIDDEN", JsonValueKind.Null, webOrder), (refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(),
            refused.GetProperty("data").GetProperty("order").GetProperty("returns").ValueKind, refused.GetProperty("data").GetProperty("order").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnInvoiceAndACreditNote_ReadThroughFinanceDocumentAndOrderFields_WhichRefuseKeysRestrictedToChannelsAndKeysWithoutFinanceRead()
    {
        var (orderId, location) = await ShipAsync("ZAL-RR-FIN-1", Partner);
        var id = Succeeded(await StepAsync(_partner, "requestReturn", new { orderId, lines = Lines(1) }), "return").GetProperty("id").GetString()!;
        Succeeded(await StepAsync(_admin, "receiveReturn", new { returnId = id, receiptId = Guid.NewGuid(), location, lines = new[] { new { orderLineNumber = 1, quantity = 1 } } }), "return");
        Succeeded(await StepAsync(_admin, "inspectReturnLines", new { returnId = id, lines = new[] { new { orderLineNumber = 1, grades = new[] { "RESELLABLE" } } } }), "return");
        Succeeded(await StepAsync(_admin, "dispositionReturnLines", new { returnId = id, lines = new[] { new { orderLineNumber = 1, disposition = "RESTOCK", quantity = 1 } } }), "return");
        var refunded = await ReturnTestKit.StepAsync(As(_admin), "refundReturn", new { returnId = id }, "return { creditNoteNumber refundTotal { amount } } userErrors { code field message }");
        var creditNote = Succeeded(refunded, "return").GetProperty("creditNoteNumber").GetString()!;
        await Api.SettleAsync();

        const string documents = """
            query($id: ID!) { order(id: $id) { id invoiceNumber invoices { number kind orderId total { amount } } creditNotes { number kind rmaNumber total { amount } } } }
            """;
        var order = (await Api.DataAsync(_admin, documents, new { id = orderId })).GetProperty("order");
        var invoice = Assert.Single(order.GetProperty("invoices").EnumerateArray());
        Assert.Equal((order.GetProperty("invoiceNumber").GetString(), "INVOICE", orderId, "50.00"), (invoice.GetProperty("number").GetString(),
            invoice.GetProperty("kind").GetString(), invoice.GetProperty("orderId").GetString(), invoice.GetProperty("total").GetProperty("amount").GetString()));
        var note = Assert.Single(order.GetProperty("creditNotes").EnumerateArray());
        Assert.Equal((creditNote, "CREDIT_NOTE", refunded.GetProperty("return").GetProperty("refundTotal").GetProperty("amount").GetString()),
            (note.GetProperty("number").GetString(), note.GetProperty("kind").GetString(), note.GetProperty("total").GetProperty("amount").GetString()));

        const string byNumber = "query($number: String!) { financeDocument(number: $number) { number kind orderId channel } }";
        foreach (var (number, kind) in new[] { (invoice.GetProperty("number").GetString()!, "INVOICE"), (creditNote, "CREDIT_NOTE") })
        {
            var document = (await Api.DataAsync(_admin, byNumber, new { number })).GetProperty("financeDocument");
            Assert.Equal((number, kind, orderId, Partner), (document.GetProperty("number").GetString(), document.GetProperty("kind").GetString(),
                document.GetProperty("orderId").GetString(), document.GetProperty("channel").GetString()));
        }

        // The partner reaches its own order, but not the money booked on it: each field is refused on its own, the order answers.
        foreach (var key in new[] { _partner, await Api.IssueKeyAsync(ApiScopes.OrdersRead) })
        {
            var (status, body) = await Api.PostAsync(key, documents, new { id = orderId });
            var refusedOrder = body.GetProperty("data").GetProperty("order");
            Assert.Equal((200, orderId, JsonValueKind.Null, JsonValueKind.Null), (status, refusedOrder.GetProperty("id").GetString(),
                refusedOrder.GetProperty("invoices").ValueKind, refusedOrder.GetProperty("creditNotes").ValueKind));
            Assert.Equal([("FORBIDDEN", "creditNotes"), ("FORBIDDEN", "invoices")], body.GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("extensions").GetProperty("code").GetString(), e.GetProperty("path")[1].GetString())).Order());
        }
        Assert.Equal("FORBIDDEN", await ErrorCodeAsync(_partner, byNumber, new { number = creditNote }));
    }

    [Fact]
    public async Task TheReturnSteps_FourEyesAuthorisation_Rejection_InTransit_MissingUnits_WriteOffApproval_AndCancellation()
    {
        var (valuable, location) = await ShipAsync("WEB-RR-STEPS-1", unitPrice: 150m);
        var requested = Succeeded(await StepAsync(_requester, "requestReturn", new { orderId = valuable, lines = Lines(2, "CHANGED_MIND") }), "return");
        var id = requested.GetProperty("id").GetString()!;
        Assert.Equal(("REQUESTED", true), (requested.GetProperty("status").GetString(), requested.GetProperty("needsApproval").GetBoolean()));

        Assert.Equal([ReturnErrorsSelfApproval], UserErrors(await StepAsync(_requester, "authorizeReturn", new { returnId = id })).Select(e => e.Code));
        Assert.Equal("AUTHORIZED", Succeeded(await StepAsync(_approver, "authorizeReturn", new { returnId = id }), "return").GetProperty("status").GetString());
        Assert.Equal("IN_TRANSIT", Succeeded(await StepAsync(_admin, "markReturnInTransit", new { returnId = id, trackingNumber = "RET-0001" }), "return").GetProperty("status").GetString());
        Succeeded(await StepAsync(_admin, "receiveReturn", new { returnId = id, receiptId = Guid.NewGuid(), location, lines = new[] { new { orderLineNumber = 1, quantity = 1 } } }), "return");
        Succeeded(await StepAsync(_admin, "closeMissingReturnUnits", new { returnId = id, lines = new[] { new { orderLineNumber = 1, quantity = 1 } } }), "return");
        await Api.SettleAsync();
        var progressed = (await Api.DataAsync(_admin, "query($id: ID!) { return(id: $id) { status unitsRequested unitsReceived unitsMissing timeline { to } } }", new { id }))
            .GetProperty("return");
        Assert.Equal(("RECEIVED", 2, 1, 1), (progressed.GetProperty("status").GetString(), progressed.GetProperty("unitsRequested").GetInt32(),
            progressed.GetProperty("unitsReceived").GetInt32(), progressed.GetProperty("unitsMissing").GetInt32()));
        Assert.Equal(["REQUESTED", "AUTHORIZED", "IN_TRANSIT", "RECEIVED"], progressed.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("to").GetString()).Distinct());

        var (refusedOrder, _) = await ShipAsync("WEB-RR-STEPS-2", unitPrice: 150m);
        var toReject = Succeeded(await StepAsync(_requester, "requestReturn", new { orderId = refusedOrder, lines = Lines(2, "CHANGED_MIND") }), "return").GetProperty("id").GetString()!;
        var rejected = Succeeded(await StepAsync(_approver, "rejectReturn", new { returnId = toReject, reason = "Worn" }), "return");
        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        // A rejected return no longer holds the units: they may be asked back again, and withdrawn before they arrive.
        var again = Succeeded(await StepAsync(_requester, "requestReturn", new { orderId = refusedOrder, lines = Lines(1, "CHANGED_MIND") }), "return").GetProperty("id").GetString()!;
        Assert.Equal("CANCELLED", Succeeded(await StepAsync(_requester, "cancelReturn", new { returnId = again, reason = "Keeps it" }), "return").GetProperty("status").GetString());
        Assert.Equal([ReturnErrorsIllegalTransition], UserErrors(await StepAsync(_requester, "cancelReturn", new { returnId = again, reason = "Twice" })).Select(e => e.Code));

        var (bulk, bulkLocation) = await ShipAsync("WEB-RR-STEPS-3", quantity: 6, unitPrice: 10m);
        var scrapped = Succeeded(await StepAsync(_admin, "requestReturn", new { orderId = bulk, lines = Lines(6, "DEFECTIVE") }), "return").GetProperty("id").GetString()!;
        Succeeded(await StepAsync(_admin, "receiveReturn", new { returnId = scrapped, receiptId = Guid.NewGuid(), location = bulkLocation, lines = new[] { new { orderLineNumber = 1, quantity = 6 } } }), "return");
        Succeeded(await StepAsync(_admin, "inspectReturnLines", new { returnId = scrapped, lines = new[] { new { orderLineNumber = 1, grades = Enumerable.Repeat("DAMAGED", 6) } } }), "return");
        var dispositioned = await ReturnTestKit.StepAsync(As(_admin), "dispositionReturnLines",
            new { returnId = scrapped, lines = new[] { new { orderLineNumber = 1, disposition = "SCRAP", quantity = 6 } } }, "return { writeOffPending } userErrors { code field message }");
        Assert.Equal(6, Succeeded(dispositioned, "return").GetProperty("writeOffPending").GetInt32());
        Assert.Equal([ReturnErrorsSelfApproval], UserErrors(await StepAsync(_admin, "approveReturnWriteOff", new { returnId = scrapped })).Select(e => e.Code));
        var approved = await ReturnTestKit.StepAsync(As(_approver), "approveReturnWriteOff", new { returnId = scrapped }, "return { writeOffPending } userErrors { code field message }");
        Assert.Equal(0, Succeeded(approved, "return").GetProperty("writeOffPending").GetInt32());
        await Api.AssertLedgerHoldsAsync();
    }

    private const string ReturnErrorsSelfApproval = Domain.Returns.ReturnErrors.SelfApprovalCode;
    private const string ReturnErrorsIllegalTransition = Domain.Returns.ReturnErrors.IllegalTransitionCode;

    private async Task<JsonElement> ListAsync(string key, object? filter) =>
        (await Api.DataAsync(key, Connection, new { filter, first = 50 })).GetProperty("returns");

    private static List<string?> Ids(JsonElement connection) => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString())];
}
