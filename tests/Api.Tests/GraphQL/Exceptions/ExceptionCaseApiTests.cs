using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Exceptions;

/// <summary>
/// Exception cases through GraphQL on the real host on Kestrel, run without its worker so the test moves the outbox itself:
/// every high-value order raises a case in Finance's queue, and keys act with the roles they were granted.
/// </summary>
public sealed class ExceptionCaseApiTests : IAsyncLifetime
{
    private const string CaseFields = """
        id type status channel queue assignee reason raisedBy raisedAt dueAt overdue escalationLevel escalatedTo
        resolution resolutionNote closedBy closedAt version subject { kind id } order { id status }
        priority { score factors { kind points explanation } } timeline { sequence actorId action note }
        """;

    private const string ListQuery = """
        query($filter: ExceptionCaseFilter, $sort: ExceptionCaseSort, $first: Int, $after: String, $last: Int, $before: String) {
          exceptionCases(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }
            nodes { id type status queue channel assignee dueAt overdue version subject { kind id } priority { score } }
          }
        }
        """;

    private const string PayloadFields = $"exceptionCase {{ {CaseFields} }} order {{ id status isOnHold }} userErrors {{ code field message }}";

    private LiveApi _api = null!;
    private IssuedApiClient _shop = null!;
    private IssuedApiClient _finance = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });
        // Granted CustomerService: the shop works its address cases (orders:write implies the role for the order's steps, not for cases).
        _shop = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite], roles: [Roles.CustomerService]);
        _finance = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite], roles: [Roles.Finance]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>Captures an order of 2 × 1,300.00 EUR (over the 2,500 threshold), lets validation hold it, and returns its id.</summary>
    private async Task<string> HighValueOrderAsync(string externalId)
    {
        var captured = (await _api.DataAsync(_shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation,
            OrderFlowEndToEndTests.Order(externalId, unitPrice: 1300.00m))).GetProperty("captureOrder");
        await _api.SettleAsync();
        return captured.GetProperty("order").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> ListAsync(string key, object? variables = null) =>
        (await _api.DataAsync(key, ListQuery, variables)).GetProperty("exceptionCases");

    /// <summary>The case about the order, found in the key's list and read in full.</summary>
    private async Task<JsonElement> CaseOfOrderAsync(string key, string orderId)
    {
        var listed = (await ListAsync(key)).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("subject").GetProperty("id").GetString() == orderId);
        return await CaseAsync(key, listed.GetProperty("id").GetString()!);
    }

    private async Task<JsonElement> CaseAsync(string key, string caseId) =>
        (await _api.DataAsync(key, $"query($id: ID!) {{ exceptionCase(id: $id) {{ {CaseFields} }} }}", new { id = caseId })).GetProperty("exceptionCase");

    private async Task<JsonElement> MutateAsync(string key, string name, object input) =>
        (await _api.DataAsync(key, Mutation(name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", PayloadFields), new { input })).GetProperty(name);

    private async Task<JsonElement> OrderAsync(string orderId)
    {
        await _api.SettleAsync();
        return (await _api.DataAsync(_shop.PlainKey, "query($id: ID!) { order(id: $id) { status isOnHold version } }", new { id = orderId })).GetProperty("order");
    }

    [Fact]
    public async Task AHighValueOrder_RaisesACaseInFinancesQueue_ShowingItsSubjectOrderPriorityFactorsAndTimeline()
    {
        var orderId = await HighValueOrderAsync("EXC-SHOW-1");

        var listed = (await ListAsync(_finance.PlainKey)).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("subject").GetProperty("id").GetString() == orderId);
        var single = await CaseAsync(_finance.PlainKey, listed.GetProperty("id").GetString()!);

        foreach (var field in listed.EnumerateObject().Where(f => f.Name != "priority"))
            Assert.Equal(field.Value.ToString(), single.GetProperty(field.Name).ToString());
        Assert.Equal(listed.GetProperty("priority").GetProperty("score").GetInt32(), single.GetProperty("priority").GetProperty("score").GetInt32());
        Assert.Equal(("HIGH_VALUE_APPROVAL", "OPEN", "FINANCE", "WEB", Actor.SystemId),
            (single.GetProperty("type").GetString(), single.GetProperty("status").GetString(), single.GetProperty("queue").GetString(),
             single.GetProperty("channel").GetString(), single.GetProperty("raisedBy").GetString()));
        Assert.Equal(("ORDER", orderId), (single.GetProperty("subject").GetProperty("kind").GetString(), single.GetProperty("subject").GetProperty("id").GetString()));
        Assert.Equal((orderId, "VALIDATED"), (single.GetProperty("order").GetProperty("id").GetString(), single.GetProperty("order").GetProperty("status").GetString()));
        var factors = single.GetProperty("priority").GetProperty("factors").EnumerateArray().ToList();
        Assert.Contains(factors, f => f.GetProperty("kind").GetString() == "ORDER_VALUE" && f.GetProperty("points").GetInt32() == 26);
        Assert.Equal(single.GetProperty("priority").GetProperty("score").GetInt32(), factors.Sum(f => f.GetProperty("points").GetInt32()));
        Assert.All(factors, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("explanation").GetString())));
        Assert.Equal("RAISED", Assert.Single(single.GetProperty("timeline").EnumerateArray()).GetProperty("action").GetString());
        Assert.Equal((false, 0, JsonValueKind.Null), (single.GetProperty("overdue").GetBoolean(), single.GetProperty("escalationLevel").GetInt32(),
            single.GetProperty("resolution").ValueKind));
    }

    [Fact]
    public async Task TheConnection_PagesForwardAndBackward_FiltersByTypeAndQueue_AndShowsEachKeyOnlyItsRolesQueues()
    {
        var orders = new List<string>();
        for (var i = 1; i <= 3; i++)
            orders.Add(await HighValueOrderAsync($"EXC-PAGE-{i}"));
        // A manual hold lands in the OperationsManager's queue, which Finance does not see.
        var small = (await _api.DataAsync(_shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("EXC-PAGE-MANUAL")))
            .GetProperty("captureOrder").GetProperty("order").GetProperty("id").GetString()!;
        await _api.SettleAsync();
        var held = (await _api.DataAsync(_shop.PlainKey, Mutation("placeHold", "PlaceHoldInput", "userErrors { code field }"),
            new { input = new { orderId = small, type = "MANUAL", reason = "Customer asked to wait." } })).GetProperty("placeHold");
        Assert.Empty(UserErrors(held));
        await _api.SettleAsync();
        var executive = await _api.IssueKeyAsync([ApiScopes.ExceptionsRead], roles: [Roles.Executive]);
        var sort = new { field = "RAISED_AT", direction = "ASC" };

        var first = await ListAsync(_finance.PlainKey, new { sort, first = 2 });
        var second = await ListAsync(_finance.PlainKey, new { sort, first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var last = await ListAsync(_finance.PlainKey, new { sort, last = 1 });
        var beforeLast = await ListAsync(_finance.PlainKey, new { sort, last = 2, before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString() });
        var manualOnly = await ListAsync(executive, new { filter = new { types = new[] { "MANUAL_HOLD" } } });
        var operationsQueue = await ListAsync(executive, new { filter = new { queues = new[] { "OPERATIONS_MANAGER" } } });
        var financeByPriority = await ListAsync(_finance.PlainKey, new { filter = new { queues = new[] { "FINANCE" }, overdue = false }, sort = new { field = "PRIORITY", direction = "DESC" } });
        var assignedToMe = await ListAsync(_finance.PlainKey, new { filter = new { assignedToMe = true } });
        var otherChannel = await ListAsync(_finance.PlainKey, new { filter = new { channel = "mkt-zalando" } });

        static List<string> Subjects(JsonElement page) => [.. page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("subject").GetProperty("id").GetString()!)];
        Assert.Equal(orders.Take(2), Subjects(first));
        Assert.Equal((3, true, false), (first.GetProperty("totalCount").GetInt32(), first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(),
            first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()));
        Assert.Equal(orders.Skip(2), Subjects(second));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(orders.Skip(2), Subjects(last));
        Assert.Equal(orders.Take(2), Subjects(beforeLast));
        Assert.Equal(first.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString(), first.GetProperty("nodes")[0].GetProperty("id").GetString());
        Assert.Equal([small], Subjects(manualOnly));
        Assert.Equal([small], Subjects(operationsQueue));
        Assert.Equal(4, (await ListAsync(executive)).GetProperty("totalCount").GetInt32());
        var scores = financeByPriority.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("priority").GetProperty("score").GetInt32()).ToList();
        Assert.Equal(3, scores.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(0, assignedToMe.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, otherChannel.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AssignedToMe_ListsTheCasesAssignedToTheCallingKey()
    {
        var orderId = await HighValueOrderAsync("EXC-ASSIGN-1");
        var exceptionCase = await CaseOfOrderAsync(_finance.PlainKey, orderId);

        var assigned = await MutateAsync(_finance.PlainKey, "assignExceptionCase",
            new { caseId = exceptionCase.GetProperty("id").GetString(), assignee = $"api-client:{_finance.ClientId}", expectedVersion = exceptionCase.GetProperty("version").GetInt32() });
        var mine = await ListAsync(_finance.PlainKey, new { filter = new { assignedToMe = true, statuses = new[] { "ASSIGNED" } } });

        Assert.Empty(UserErrors(assigned));
        Assert.Equal(("ASSIGNED", $"api-client:{_finance.ClientId}"), (assigned.GetProperty("exceptionCase").GetProperty("status").GetString(),
            assigned.GetProperty("exceptionCase").GetProperty("assignee").GetString()));
        Assert.Equal(JsonValueKind.Null, assigned.GetProperty("order").ValueKind);
        Assert.Equal(exceptionCase.GetProperty("id").GetString(), Assert.Single(mine.GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ResolveApproved_ByAKeyGrantedFinance_ReleasesTheHold_AndTheHighValueOrderMovesOn()
    {
        var orderId = await HighValueOrderAsync("EXC-APPROVE-1");
        var exceptionCase = await CaseOfOrderAsync(_finance.PlainKey, orderId);

        var resolved = await MutateAsync(_finance.PlainKey, "resolveExceptionCase", new
        {
            caseId = exceptionCase.GetProperty("id").GetString(), resolution = "APPROVED", note = "Known wholesale buyer.",
            expectedVersion = exceptionCase.GetProperty("version").GetInt32(),
        });
        var order = await OrderAsync(orderId);

        Assert.Empty(UserErrors(resolved));
        var after = resolved.GetProperty("exceptionCase");
        Assert.Equal(("RESOLVED", "APPROVED", "Known wholesale buyer.", $"api-client:{_finance.ClientId}"),
            (after.GetProperty("status").GetString(), after.GetProperty("resolution").GetString(), after.GetProperty("resolutionNote").GetString(),
             after.GetProperty("closedBy").GetString()));
        Assert.Equal((orderId, false), (resolved.GetProperty("order").GetProperty("id").GetString(), resolved.GetProperty("order").GetProperty("isOnHold").GetBoolean()));
        Assert.Equal(("ALLOCATED", false), (order.GetProperty("status").GetString(), order.GetProperty("isOnHold").GetBoolean()));
    }

    [Fact]
    public async Task AKeyWithoutTheQueuesRole_AndAKeyDecidingItsOwnHold_GetUserErrorsWithCodes_AndChangeNothing()
    {
        var orderId = await HighValueOrderAsync("EXC-REFUSE-1");
        var highValue = await CaseOfOrderAsync(_finance.PlainKey, orderId);
        // Operations (granted OperationsManager) places a manual hold: the case is in its own queue, but it raised it.
        var operations = await _api.IssueClientAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.FulfillmentWrite, ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite],
            roles: [Roles.OperationsManager]);
        var small = (await _api.DataAsync(operations.PlainKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("EXC-REFUSE-MANUAL")))
            .GetProperty("captureOrder").GetProperty("order").GetProperty("id").GetString()!;
        await _api.SettleAsync();
        var held = (await _api.DataAsync(operations.PlainKey, Mutation("placeHold", "PlaceHoldInput", "userErrors { code message }"),
            new { input = new { orderId = small, type = "MANUAL", reason = "Customer asked to wait." } })).GetProperty("placeHold");
        Assert.Empty(UserErrors(held));
        await _api.SettleAsync();
        var manual = await CaseOfOrderAsync(operations.PlainKey, small);
        var before = (await OrderAsync(orderId), await OrderAsync(small), await CaseOfOrderAsync(_finance.PlainKey, orderId), await CaseOfOrderAsync(operations.PlainKey, small));

        var byShop = await MutateAsync(_shop.PlainKey, "resolveExceptionCase",
            new { caseId = highValue.GetProperty("id").GetString(), resolution = "APPROVED", note = "Looks fine to me." });
        var selfApproved = await MutateAsync(operations.PlainKey, "resolveExceptionCase",
            new { caseId = manual.GetProperty("id").GetString(), resolution = "APPROVED", note = "My own hold, my call." });
        var selfDismissed = await MutateAsync(operations.PlainKey, "dismissExceptionCase",
            new { caseId = manual.GetProperty("id").GetString(), note = "Raised in error." });
        var closedAtSource = await MutateAsync(_finance.PlainKey, "resolveExceptionCase",
            new { caseId = highValue.GetProperty("id").GetString(), resolution = "CLOSED_AT_SOURCE", note = "Not mine to choose." });
        var stale = await MutateAsync(_finance.PlainKey, "resolveExceptionCase",
            new { caseId = highValue.GetProperty("id").GetString(), resolution = "APPROVED", note = "Stale view.", expectedVersion = highValue.GetProperty("version").GetInt32() + 1 });
        var noNote = await MutateAsync(_finance.PlainKey, "dismissExceptionCase", new { caseId = highValue.GetProperty("id").GetString(), note = "  " });
        var malformed = await MutateAsync(_finance.PlainKey, "dismissExceptionCase", new { caseId = "not-a-case", note = "Raised in error." });
        var unknown = await MutateAsync(_finance.PlainKey, "dismissExceptionCase", new { caseId = Guid.NewGuid(), note = "Raised in error." });
        var after = (await OrderAsync(orderId), await OrderAsync(small), await CaseOfOrderAsync(_finance.PlainKey, orderId), await CaseOfOrderAsync(operations.PlainKey, small));

        // The shop's key (CustomerService) does not see Finance's queue: the case answers as an unknown one.
        Assert.Equal([(ExceptionCaseErrors.NotFoundCode, "caseId")], UserErrors(byShop));
        Assert.Equal([(ExceptionCaseErrors.SelfApprovalCode, "caseId")], UserErrors(selfApproved));
        Assert.Equal([(ExceptionCaseErrors.SelfApprovalCode, "caseId")], UserErrors(selfDismissed));
        Assert.Equal([(ExceptionCaseErrors.ResolutionInvalidCode, "resolution")], UserErrors(closedAtSource));
        Assert.Equal([(CommonErrors.Conflict, "expectedVersion")], UserErrors(stale));
        Assert.Equal([(ExceptionCaseErrors.NoteRequiredCode, "note")], UserErrors(noNote));
        Assert.Equal([(ExceptionCaseErrors.NotFoundCode, "caseId")], UserErrors(malformed));
        Assert.Equal([(ExceptionCaseErrors.NotFoundCode, "caseId")], UserErrors(unknown));
        Assert.All(new[] { byShop, selfApproved, selfDismissed, closedAtSource, stale, noNote, malformed, unknown },
            p => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (p.GetProperty("exceptionCase").ValueKind, p.GetProperty("order").ValueKind)));
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(("VALIDATED", true), (after.Item1.GetProperty("status").GetString(), after.Item1.GetProperty("isOnHold").GetBoolean()));
    }

    [Fact]
    public async Task ResolvingAnAddressCaseWithACorrectedAddress_AmendsTheShipToAndTheOrderMovesOn_AndOneThatStillFailsChangesNothing()
    {
        var badPostalCode = new
        {
            channel = "WEB", externalOrderId = "EXC-ADDRESS-1", serviceLevel = "STANDARD",
            customer = new { email = "anna.schmidt@example.com", name = "Anna Schmidt" },
            shipTo = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "1011", country = "DE" },
            lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity = 2, unitPrice = OrderFlowEndToEndTests.Price(25.00m) } },
        };
        var orderId = (await _api.DataAsync(_shop.PlainKey, OrderFlowEndToEndTests.CaptureMutation, new { input = badPostalCode }))
            .GetProperty("captureOrder").GetProperty("order").GetProperty("id").GetString()!;
        await _api.SettleAsync();
        var address = await CaseOfOrderAsync(_shop.PlainKey, orderId);
        var caseId = address.GetProperty("id").GetString();
        var highValueCaseId = (await CaseOfOrderAsync(_finance.PlainKey, await HighValueOrderAsync("EXC-ADDRESS-HV"))).GetProperty("id").GetString();
        var corrected = new { name = "Anna Schmidt", line1 = "Invalidenstraße 1", city = "Berlin", postalCode = "10115", country = "DE" };
        var before = await OrderAsync(orderId);

        var stillFails = await MutateAsync(_shop.PlainKey, "resolveExceptionCase",
            new { caseId, resolution = "APPROVED", note = "Fixed.", correctedAddress = corrected with { line1 = "Invalidenstraße" } });
        var notAnAddressCase = await MutateAsync(_finance.PlainKey, "resolveExceptionCase",
            new { caseId = highValueCaseId, resolution = "APPROVED", note = "Fine.", correctedAddress = corrected });
        Assert.Equal([(AddressRules.HouseNumberMissingCode, "correctedAddress")], UserErrors(stillFails));
        Assert.Equal([(ExceptionCaseErrors.CorrectionNotAcceptedCode, "correctedAddress")], UserErrors(notAnAddressCase));
        Assert.Equal(before.ToString(), (await OrderAsync(orderId)).ToString());

        var resolved = await MutateAsync(_shop.PlainKey, "resolveExceptionCase",
            new { caseId, resolution = "APPROVED", note = "Customer confirmed the postal code.", correctedAddress = corrected });

        Assert.Empty(UserErrors(resolved));
        Assert.Equal(("RESOLVED", "APPROVED"), (resolved.GetProperty("exceptionCase").GetProperty("status").GetString(),
            resolved.GetProperty("exceptionCase").GetProperty("resolution").GetString()));
        Assert.False(resolved.GetProperty("order").GetProperty("isOnHold").GetBoolean());
        var after = await OrderAsync(orderId);
        Assert.Equal(("ALLOCATED", false), (after.GetProperty("status").GetString(), after.GetProperty("isOnHold").GetBoolean()));
    }

    [Fact]
    public async Task AKeyWithoutExceptionsRead_IsRefusedWithForbidden_AndAPartnerKeyWithEveryScopeReachesNoCase()
    {
        var orderId = await HighValueOrderAsync("EXC-FORBID-1");
        var caseId = (await CaseOfOrderAsync(_finance.PlainKey, orderId)).GetProperty("id").GetString();
        var ordersOnly = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite], roles: [Roles.Finance]);
        var readOnly = await _api.IssueKeyAsync([ApiScopes.ExceptionsRead], roles: [Roles.Finance]);
        var partner = await _api.IssueKeyAsync([.. ApiScopes.All], ["WEB"], [Roles.Finance]);

        var refused = new List<(string Who, (int Status, JsonElement Body) Answer)>
        {
            ("no exceptions:read, list", await _api.PostAsync(ordersOnly, "{ exceptionCases { totalCount } }")),
            ("no exceptions:read, one", await _api.PostAsync(ordersOnly, "query($id: ID!) { exceptionCase(id: $id) { id } }", new { id = caseId })),
            ("no exceptions:write", await _api.PostAsync(readOnly, Mutation("dismissExceptionCase", "DismissExceptionCaseInput", "userErrors { code }"),
                new { input = new { caseId, note = "Raised in error." } })),
            ("partner, list", await _api.PostAsync(partner, "{ exceptionCases { totalCount nodes { id } } }")),
            ("partner, one", await _api.PostAsync(partner, "query($id: ID!) { exceptionCase(id: $id) { id reason } }", new { id = caseId })),
            ("partner, resolve", await _api.PostAsync(partner, Mutation("resolveExceptionCase", "ResolveExceptionCaseInput", "userErrors { code }"),
                new { input = new { caseId, resolution = "APPROVED", note = "Partner says yes." } })),
        };

        foreach (var (who, (status, body)) in refused)
        {
            Assert.True(status == 200, $"{who}: {status} {body}");
            var data = body.GetProperty("data");
            Assert.True(data.ValueKind == JsonValueKind.Null || data.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Null), $"{who}: {body}");
            Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            Assert.DoesNotContain(caseId!, body.GetProperty("errors")[0].GetProperty("message").GetString());
        }
        Assert.Equal(("OPEN", true), ((await CaseOfOrderAsync(_finance.PlainKey, orderId)).GetProperty("status").GetString(), (await OrderAsync(orderId)).GetProperty("isOnHold").GetBoolean()));
    }
}
