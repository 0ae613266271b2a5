using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Api.Tests.GraphQL.Inventory;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Finding 4: a key limited to MKT-ZALANDO adjusted stock elsewhere, shipped a transfer, recorded damage, set safety stock
/// and approved another client's four-eyes adjustment. Walked over every mutation of the schema with every scope: each
/// inventory mutation is FORBIDDEN and changes nothing, and the order mutations still serve the partner's own channel.
/// </summary>
public sealed class PartnerKeyChangesOnlyItsOrdersTests : IAsyncLifetime
{
    private const string Partner = "MKT-ZALANDO";

    // Not one of Zalando's eligible locations (WH-BERLIN, WH-ROTTERDAM).
    private const string Elsewhere = "WH-LEEDS";
    private const string PurchaseOrderFields = "purchaseOrder { id status } userErrors { code field message }";
    private const string OrderFields = "order { id status holds { id } } userErrors { code field message }";
    private static readonly string ExpectedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd");

    private static readonly string[] OrderMutations =
    [
        "captureOrder", "placeHold", "releaseHold", "releaseOrder", "startPicking", "confirmPick", "confirmPack", "confirmShipment",
        "reportShortPick", "invoiceOrder", "completeOrder", "cancelOrder", "amendOrderShipTo", "amendOrderPriority",
    ];

    // Exception cases are never a partner's (decision 025): every case mutation is refused to a channel-restricted key.
    private static readonly string[] ExceptionCaseMutations = ["assignExceptionCase", "resolveExceptionCase", "dismissExceptionCase"];

    // Policies are the business's, never a partner's (decision 028): setPolicy is refused to a channel-restricted key.
    private static readonly string[] PolicyMutations = ["setPolicy"];

    // The outbox's parked events are every channel's, never a partner's (decision 054): refused to a channel-restricted key,
    // proven below and, with a parked event in place, in ParkedEventApiTests.
    private static readonly string[] ParkedEventMutations = ["retryParkedEvent", "skipParkedEvent"];

    // A channel's allocation policy, which channels exist and their names are the business's decision, never a channel's (decision 037):
    // refused to a channel-restricted key, proven in ChannelPolicyApiTests and ChannelApiTests.
    private static readonly string[] CatalogMutations = ["setChannelPolicy", "createChannel", "renameChannel"];

    // Return mutations serve a partner on its own channels' orders and returns (the commands find nothing elsewhere), proven in ReturnApiTests.
    private static readonly string[] ReturnMutations =
    [
        "requestReturn", "authorizeReturn", "rejectReturn", "markReturnInTransit", "receiveReturn", "closeMissingReturnUnits", "inspectReturnLines",
        "dispositionReturnLines", "approveReturnWriteOff", "refundReturn", "closeReturn", "cancelReturn",
    ];

    private string _admin = null!;
    private string _partner = null!;
    private string _sku = null!;
    private StockLevels _levels = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        // Approving the pending adjustment is the OperationsManager's, granted (a scope implies no approval, decision 026).
        _admin = (await Api.IssueClientAsync([.. ApiScopes.All], [], [Roles.OperationsManager])).PlainKey;
        _partner = await Api.IssueKeyAsync([.. ApiScopes.All], [Partner]);
        (_sku, _levels) = await Api.SkuWithAvailableAsync(Elsewhere, 20);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task EveryInventoryMutation_FromAChannelRestrictedKeyWithEveryScope_IsForbiddenAndChangesNothing()
    {
        var mutations = await InventoryMutationsAsync();
        var schema = Api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        // A mutation added to the schema must be classified here: an order or return mutation the partner keeps, or an inventory or case one it is refused.
        Assert.Equal(schema.Mutation!.Fields.Select(f => f.Name).Order(), OrderMutations.Concat(mutations.Select(m => m.Name)).Concat(ExceptionCaseMutations).Concat(PolicyMutations).Concat(ParkedEventMutations).Concat(CatalogMutations).Concat(ReturnMutations).Order());

        foreach (var (name, inputType, fields, input) in mutations)
        {
            var before = await StateAsync();
            var (status, body) = await Api.PostAsync(_partner, Mutation(name, inputType, fields), new { input });

            Assert.True(status == 200 && body.GetProperty("data").ValueKind == JsonValueKind.Null, $"{name}: {body}");
            var error = body.GetProperty("errors").EnumerateArray().Single();
            Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains(name, error.GetProperty("message").GetString());
            Assert.Equal(before, await StateAsync());

            // The same input from an unrestricted key does change the ledger: the refusal was the partner rule, not bad input.
            Assert.True(UserErrors(await Api.MutateAsync(_admin, name, inputType, fields, input)).Count == 0, name);
            Assert.NotEqual(before.Events, (await StateAsync()).Events);
        }
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task OrderMutations_FromAChannelRestrictedKey_ServeItsOwnChannel_AndFindNoOrderElsewhere()
    {
        var own = Succeeded(await Api.MutateAsync(_partner, "captureOrder", "CaptureOrderInput", OrderFields, OrderFlowEndToEndTests.CaptureInput("ZAL-SCOPE-1", Partner, quantity: 1)), "order");
        var ownId = own.GetProperty("id").GetString()!;
        var foreign = Succeeded(await Api.MutateAsync(_admin, "captureOrder", "CaptureOrderInput", OrderFields, OrderFlowEndToEndTests.CaptureInput("WEB-SCOPE-1", "WEB", quantity: 1)), "order");
        var foreignId = foreign.GetProperty("id").GetString()!;

        var captureElsewhere = await Api.MutateAsync(_partner, "captureOrder", "CaptureOrderInput", OrderFields, OrderFlowEndToEndTests.CaptureInput("WEB-SCOPE-2", "WEB", quantity: 1));
        var held = Succeeded(await Api.MutateAsync(_partner, "placeHold", "PlaceHoldInput", OrderFields, new { orderId = ownId, type = "MANUAL", reason = "Customer called." }), "order");
        var holdId = held.GetProperty("holds")[0].GetProperty("id").GetString();
        var released = await Api.MutateAsync(_partner, "releaseHold", "ReleaseHoldInput", OrderFields, new { orderId = ownId, holdId, resolution = "Sorted." });

        Assert.Equal(["ORDER_UNKNOWN_CHANNEL"], UserErrors(captureElsewhere).Select(e => e.Code));
        Assert.Empty(UserErrors(released));
        var before = await StateAsync();
        foreach (var name in OrderMutations.Where(n => n != "captureOrder"))
        {
            var answer = await Api.MutateAsync(_partner, name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", OrderFields, StepInput(name, foreignId));
            Assert.True(UserErrors(answer) is [(OrderErrors.NotFound, "orderId")], $"{name}: {answer}");
        }
        Assert.Equal(before, await StateAsync());
        Assert.Empty(UserErrors(await Api.MutateAsync(_partner, "cancelOrder", "CancelOrderInput", OrderFields, StepInput("cancelOrder", ownId))));
    }

    [Fact]
    public async Task EveryExceptionCaseMutation_FromAChannelRestrictedKeyWithEveryScope_IsForbiddenAndChangesNothing()
    {
        foreach (var name in ExceptionCaseMutations)
        {
            var before = await StateAsync();
            var caseId = Guid.NewGuid();
            object input = name switch
            {
                "assignExceptionCase" => new { caseId, assignee = "user:fay" },
                "resolveExceptionCase" => new { caseId, resolution = "APPROVED", note = "Partner says yes." },
                _ => new { caseId, note = "Partner says no." },
            };
            var (status, body) = await Api.PostAsync(_partner, Mutation(name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", "userErrors { code }"), new { input });

            Assert.True(status == 200 && body.GetProperty("data").ValueKind == JsonValueKind.Null, $"{name}: {body}");
            Assert.Equal("FORBIDDEN", body.GetProperty("errors").EnumerateArray().Single().GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(before, await StateAsync());
        }
    }

    [Fact]
    public async Task EveryParkedEventMutation_FromAChannelRestrictedKeyWithEveryScope_IsForbidden()
    {
        foreach (var name in ParkedEventMutations)
        {
            var input = new { parkedEventId = Guid.NewGuid(), reason = "Partner says skip." };
            var fields = name == "skipParkedEvent" ? input : (object)new { input.parkedEventId };
            var (status, body) = await Api.PostAsync(_partner, Mutation(name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", "userErrors { code }"), new { input = fields });

            Assert.True(status == 200 && body.GetProperty("data").ValueKind == JsonValueKind.Null, $"{name}: {body}");
            Assert.Equal("FORBIDDEN", body.GetProperty("errors").EnumerateArray().Single().GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task SetPolicy_FromAChannelRestrictedKeyWithEveryScope_IsForbiddenAndChangesNothing()
    {
        string partnerAdmin;
        await using (var issuing = Api.Services.CreateAsyncScope())
            partnerAdmin = (await issuing.ServiceProvider.GetRequiredService<ICommandHandler<IssueApiClient, IssuedApiClient>>().HandleAsync(
                new IssueApiClient(Actor.System, "partner with every scope", [.. ApiScopes.All], [Partner], [Roles.OperationsManager, Roles.Finance]), CancellationToken.None)).Value.PlainKey;
        async Task<int> ChangesAsync()
        {
            await using var scope = Api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().PolicyChanges.CountAsync();
        }
        var before = await ChangesAsync();

        var (status, body) = await Api.PostAsync(partnerAdmin, Mutation("setPolicy", "SetPolicyInput", "userErrors { code }"),
            new { input = new { key = "orders.fraud-score-threshold", scope = new { channel = Partner }, value = 99, reason = "Partner says so." } });

        Assert.True(status == 200 && body.GetProperty("data").ValueKind == JsonValueKind.Null, body.ToString());
        Assert.Equal("FORBIDDEN", body.GetProperty("errors").EnumerateArray().Single().GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, await ChangesAsync());
    }

    private static class OrderErrors
    {
        public const string NotFound = "ORDER_NOT_FOUND";
    }

    private static object StepInput(string name, string orderId) => name switch
    {
        "placeHold" => new { orderId, type = "MANUAL", reason = "Looks odd." },
        "releaseHold" => new { orderId, holdId = Guid.NewGuid(), resolution = "Fine." },
        "confirmPack" => new { orderId, packageCount = 1 },
        "confirmShipment" => new { orderId, carrier = "DHL", trackingNumber = "00340434161094042557" },
        "reportShortPick" => new { orderId, lineNumber = 1, missingQuantity = 1 },
        "cancelOrder" => new { orderId, reason = "Customer withdrew." },
        "amendOrderShipTo" => new { orderId, shipTo = new { name = "Anna Schmidt", line1 = "Torstraße 1", city = "Berlin", postalCode = "10119", country = "DE" } },
        "amendOrderPriority" => new { orderId, priority = "URGENT" },
        _ => new { orderId },
    };

    /// <summary>What the database holds that a refused mutation could have changed: every balance, and the event log's length.</summary>
    private async Task<(string Balances, int Events)> StateAsync()
    {
        var balances = string.Join(";", (await Api.BalancesAsync()).OrderBy(b => b.Key).Select(b => $"{b.Key}={b.Value}"));
        await using var scope = Api.Services.CreateAsyncScope();
        return (balances, await scope.ServiceProvider.GetRequiredService<ErpDbContext>().OutboxMessages.CountAsync());
    }

    /// <summary>Every inventory mutation with an input that an unrestricted key may run, against stock outside Zalando's locations.</summary>
    private async Task<List<(string Name, string InputType, string Fields, object Input)>> InventoryMutationsAsync()
    {
        async Task<string> PurchaseOrderAsync(bool confirmed)
        {
            var id = Succeeded(await Api.MutateAsync(_admin, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrderFields, PurchaseOrder(5)), "purchaseOrder")
                .GetProperty("id").GetString()!;
            if (confirmed)
                Succeeded(await Api.MutateAsync(_admin, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields, new { purchaseOrderId = id }), "purchaseOrder");
            return id;
        }

        var (draft, confirmed, cancellable) = (await PurchaseOrderAsync(false), await PurchaseOrderAsync(true), await PurchaseOrderAsync(false));
        var transfer = Succeeded(await Api.MutateAsync(_admin, "shipTransfer", "ShipTransferInput", "transfer { id } userErrors { code message }",
            new { fromLocation = Elsewhere, toLocation = "WH-BERLIN", lines = new[] { new { sku = _sku, quantity = 2 } } }), "transfer").GetProperty("id").GetString();
        // Another client's request above the approval threshold, waiting for a second person.
        var requester = await Api.IssueKeyAsync(ApiScopes.InventoryWrite);
        var pending = Succeeded(await Api.MutateAsync(requester, "adjustStock", "AdjustStockInput", "adjustment { id status } userErrors { code message }",
            new { sku = _sku, location = Elsewhere, quantityChange = 60, reasonCode = "FOUND" }), "adjustment");
        Assert.Equal("PENDING_APPROVAL", pending.GetProperty("status").GetString());

        const string balance = "balance { sku } userErrors { code field message }";
        const string adjustment = "adjustment { id } userErrors { code field message }";
        return
        [
            ("createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrderFields, PurchaseOrder(10)),
            ("confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields, new { purchaseOrderId = draft }),
            ("receivePurchaseOrder", "ReceivePurchaseOrderInput", PurchaseOrderFields, new { purchaseOrderId = confirmed, lines = new[] { new { sku = _sku, quantity = 5 } } }),
            ("cancelPurchaseOrder", "CancelPurchaseOrderInput", PurchaseOrderFields, new { purchaseOrderId = cancellable, reason = "Ordered twice." }),
            ("shipTransfer", "ShipTransferInput", "transfer { id } userErrors { code field message }",
                new { fromLocation = Elsewhere, toLocation = "WH-ROTTERDAM", lines = new[] { new { sku = _sku, quantity = 1 } } }),
            // Before the receipt below: a received transfer's arrival is a fact, no longer an expectation.
            ("setTransferEta", "SetTransferEtaInput", "transfer { id } userErrors { code field message }",
                new { transferId = transfer, expectedOn = ExpectedOn }),
            ("receiveTransfer", "ReceiveTransferInput", "transfer { id } userErrors { code field message }",
                new { transferId = transfer, lines = new[] { new { sku = _sku, quantity = 2 } } }),
            ("moveStock", "MoveStockInput", balance, new { sku = _sku, location = Elsewhere, from = "AVAILABLE", to = "DAMAGED", quantity = 1 }),
            ("adjustStock", "AdjustStockInput", adjustment, new { sku = _sku, location = Elsewhere, quantityChange = -1, reasonCode = "FOUND" }),
            ("approveAdjustment", "ApproveAdjustmentInput", adjustment, new { adjustmentId = pending.GetProperty("id").GetString() }),
            ("recordCycleCount", "RecordCycleCountInput", "adjustment { id } balance { sku } userErrors { code field message }",
                new { sku = _sku, location = Elsewhere, countedQuantity = _levels.Available + 100 }),
            ("setSafetyStock", "SetSafetyStockInput", balance, new { sku = _sku, location = Elsewhere, safetyStock = 7 }),
            ("setInspectionRequirement", "SetInspectionRequirementInput", "inspectionRequirement { sku } userErrors { code field message }",
                new { sku = _sku, requiresInspection = true }),
        ];
    }

    private object PurchaseOrder(int quantity) => new
    {
        supplier = "TEXTIL-PORTO",
        location = Elsewhere,
        lines = new[] { new { sku = _sku, quantity, expectedOn = ExpectedOn } },
    };
}
