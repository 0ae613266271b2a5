using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Testing;

using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Inventory;

/// <summary>
/// The payloads a client reads back from the inventory mutations, pinned in committed snapshots: one success and one
/// refusal per family (adjustments and their approval; moves, counts and stock settings; transfers; purchase orders).
/// Ids, sequences, timestamps and the ETAs derived from today are replaced by placeholders (<see cref="SnapshotJson"/>):
/// this host runs on the real clock.
/// </summary>
public sealed class InventoryPayloadSnapshotTests : IAsyncLifetime
{
    private const string Errors = "userErrors { code field message }";
    private const string Balance = "balance { sku location safetyStock version levels { available reserved qualityHold damaged returnsAwaitingInspection inbound inTransit } }";
    private const string Adjustment = "adjustment { id status sku location quantityChange reasonCode requestedBy approvedBy version }";
    private const string Transfer = "transfer { id status fromLocation toLocation hasDiscrepancy version lines { lineNumber sku shippedQuantity receivedQuantity discrepancyQuantity } }";
    private const string PurchaseOrder = """
        purchaseOrder {
          id status supplier location version createdBy createdAt confirmedAt lastReceiptAt cancelledAt cancellationReason updatedAt nextExpectedOn
          lines { lineNumber sku orderedQuantity receivedQuantity expectedOn }
        }
        """;

    private static readonly string ExpectedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd");

    private string _inventory = null!;
    private string _secondPerson = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _inventory = (await Api.IssueClientAsync([ApiScopes.InventoryWrite], [], [Roles.OperationsManager])).PlainKey;
        _secondPerson = (await Api.IssueClientAsync([ApiScopes.InventoryWrite], [], [Roles.OperationsManager])).PlainKey;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task Adjustments_AppliedPendingAndApproved_AnswerTheAdjustment()
    {
        const string sku = "TEE-CREW-M-BLK";
        var small = await MutateAsync(_inventory, "adjustStock", "AdjustStockInput", Adjustment, new { sku, location = "WH-BERLIN", quantityChange = 3, reasonCode = "FOUND" });
        var large = await MutateAsync(_inventory, "adjustStock", "AdjustStockInput", Adjustment,
            new { sku, location = "WH-BERLIN", quantityChange = 60, reasonCode = "FOUND", note = "A pallet behind the racking." });
        var approved = await MutateAsync(_secondPerson, "approveAdjustment", "ApproveAdjustmentInput", Adjustment,
            new { adjustmentId = large.GetProperty("adjustment").GetProperty("id").GetString() });

        AssertSnapshotOfSuccesses(new() { ["adjustStockApplied"] = small, ["adjustStockPending"] = large, ["approveAdjustment"] = approved });
    }

    [Fact]
    public async Task Adjustments_Refused_AnswerUserErrorsWithCodesAndFields()
    {
        const string sku = "TEE-CREW-M-BLK";
        var pending = await MutateAsync(_inventory, "adjustStock", "AdjustStockInput", Adjustment, new { sku, location = "WH-BERLIN", quantityChange = 60, reasonCode = "FOUND" });
        var pendingId = pending.GetProperty("adjustment").GetProperty("id").GetString();

        AssertSnapshotOfRefusals(new()
        {
            ["adjustStockWithoutReason"] = await MutateAsync(_inventory, "adjustStock", "AdjustStockInput", Adjustment, new { sku, location = "WH-BERLIN", quantityChange = -1 }),
            ["adjustStockUnknownSku"] = await MutateAsync(_inventory, "adjustStock", "AdjustStockInput", Adjustment,
                new { sku = "NO-SUCH-SKU", location = "WH-BERLIN", quantityChange = 1, reasonCode = "FOUND" }),
            ["approveOwnAdjustment"] = await MutateAsync(_inventory, "approveAdjustment", "ApproveAdjustmentInput", Adjustment, new { adjustmentId = pendingId }),
            ["approveUnknownAdjustment"] = await MutateAsync(_secondPerson, "approveAdjustment", "ApproveAdjustmentInput", Adjustment, new { adjustmentId = Guid.NewGuid() }),
        });
    }

    [Fact]
    public async Task MovesCountsAndSettings_Succeeded_AnswerTheBalanceOrSetting()
    {
        const string sku = "TEE-CREW-M-BLK";
        AssertSnapshotOfSuccesses(new()
        {
            ["moveStock"] = await MutateAsync(_inventory, "moveStock", "MoveStockInput", Balance, new { sku, location = "WH-BERLIN", from = "AVAILABLE", to = "DAMAGED", quantity = 2 }),
            ["recordCycleCount"] = await MutateAsync(_inventory, "recordCycleCount", "RecordCycleCountInput", $"bookQuantity {Adjustment} unsettledQuantity {Balance}",
                new { sku, location = "WH-BERLIN", countedQuantity = 1 }),
            ["setSafetyStock"] = await MutateAsync(_inventory, "setSafetyStock", "SetSafetyStockInput", Balance, new { sku, location = "WH-BERLIN", safetyStock = 4 }),
            ["setInspectionRequirement"] = await MutateAsync(_inventory, "setInspectionRequirement", "SetInspectionRequirementInput",
                "inspectionRequirement { sku requiresInspection version }", new { sku, requiresInspection = true }),
        });
    }

    [Fact]
    public async Task MovesCountsAndSettings_Refused_AnswerUserErrorsWithCodesAndFields()
    {
        const string sku = "TEE-CREW-M-BLK";
        AssertSnapshotOfRefusals(new()
        {
            ["moveStockNotAllowed"] = await MutateAsync(_inventory, "moveStock", "MoveStockInput", Balance, new { sku, location = "WH-BERLIN", from = "RESERVED", to = "DAMAGED", quantity = 1 }),
            ["moveStockBeyondBucket"] = await MutateAsync(_inventory, "moveStock", "MoveStockInput", Balance, new { sku, location = "WH-BERLIN", from = "AVAILABLE", to = "DAMAGED", quantity = 100_000 }),
            ["recordCycleCountNegative"] = await MutateAsync(_inventory, "recordCycleCount", "RecordCycleCountInput", $"{Adjustment} {Balance}",
                new { sku, location = "WH-BERLIN", countedQuantity = -1 }),
            ["setSafetyStockUnknownLocation"] = await MutateAsync(_inventory, "setSafetyStock", "SetSafetyStockInput", Balance, new { sku, location = "WH-NOWHERE", safetyStock = 4 }),
            ["setInspectionRequirementUnknownSku"] = await MutateAsync(_inventory, "setInspectionRequirement", "SetInspectionRequirementInput",
                "inspectionRequirement { sku requiresInspection version }", new { sku = "NO-SUCH-SKU", requiresInspection = true }),
        });
    }

    [Fact]
    public async Task Transfer_ShippedAndReceivedShort_AnswersTheTransfer()
    {
        const string sku = "TEE-CREW-M-BLK";
        var shipped = await MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", Transfer,
            new { fromLocation = "WH-BERLIN", toLocation = "WH-ROTTERDAM", lines = new[] { new { sku, quantity = 5 } } });
        var received = await MutateAsync(_inventory, "receiveTransfer", "ReceiveTransferInput", Transfer,
            new { transferId = shipped.GetProperty("transfer").GetProperty("id").GetString(), lines = new[] { new { sku, quantity = 4 } } });

        AssertSnapshotOfSuccesses(new() { ["shipTransfer"] = shipped, ["receiveTransfer"] = received });
    }

    [Fact]
    public async Task Transfer_Refused_AnswersUserErrorsWithCodesAndFields()
    {
        const string sku = "TEE-CREW-M-BLK";
        AssertSnapshotOfRefusals(new()
        {
            ["shipTransferUnknownLocation"] = await MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", Transfer,
                new { fromLocation = "WH-BERLIN", toLocation = "WH-NOWHERE", lines = new[] { new { sku, quantity = 1 } } }),
            ["shipTransferBeyondBucket"] = await MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", Transfer,
                new { fromLocation = "WH-BERLIN", toLocation = "WH-LEEDS", lines = new[] { new { sku, quantity = 100_000 } } }),
            ["receiveUnknownTransfer"] = await MutateAsync(_inventory, "receiveTransfer", "ReceiveTransferInput", Transfer,
                new { transferId = Guid.NewGuid(), lines = new[] { new { sku, quantity = 1 } } }),
        });
    }

    [Fact]
    public async Task PurchaseOrders_CreatedConfirmedReceivedAndCancelled_AnswerThePurchaseOrder()
    {
        var created = await MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrder, PurchaseOrderInput("TEE-CREW-M-BLK", 100));
        var id = created.GetProperty("purchaseOrder").GetProperty("id").GetString();
        var confirmed = await MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrder, new { purchaseOrderId = id });
        var received = await MutateAsync(_inventory, "receivePurchaseOrder", "ReceivePurchaseOrderInput", PurchaseOrder,
            new { purchaseOrderId = id, lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity = 60 } } });
        var another = await MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrder, PurchaseOrderInput("TEE-CREW-L-BLK", 10));
        var cancelled = await MutateAsync(_inventory, "cancelPurchaseOrder", "CancelPurchaseOrderInput", PurchaseOrder,
            new { purchaseOrderId = another.GetProperty("purchaseOrder").GetProperty("id").GetString(), reason = "The supplier cannot deliver." });

        AssertSnapshotOfSuccesses(new()
        {
            ["createPurchaseOrder"] = created, ["confirmPurchaseOrder"] = confirmed, ["receivePurchaseOrder"] = received, ["cancelPurchaseOrder"] = cancelled,
        });
    }

    [Fact]
    public async Task PurchaseOrders_Refused_AnswerUserErrorsWithCodesAndFields()
    {
        var created = await MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrder, PurchaseOrderInput("TEE-CREW-M-BLK", 100));
        var id = created.GetProperty("purchaseOrder").GetProperty("id").GetString();
        await MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrder, new { purchaseOrderId = id });

        AssertSnapshotOfRefusals(new()
        {
            ["createWithZeroQuantity"] = await MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrder, PurchaseOrderInput("TEE-CREW-M-BLK", 0)),
            ["createWithUnknownSku"] = await MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrder, PurchaseOrderInput("NO-SUCH-SKU", 10)),
            ["confirmMalformedId"] = await MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrder, new { purchaseOrderId = "not-an-id" }),
            ["receiveBeyondTolerance"] = await MutateAsync(_inventory, "receivePurchaseOrder", "ReceivePurchaseOrderInput", PurchaseOrder,
                new { purchaseOrderId = id, lines = new[] { new { sku = "TEE-CREW-M-BLK", quantity = 106 } } }),
            ["cancelWithoutReason"] = await MutateAsync(_inventory, "cancelPurchaseOrder", "CancelPurchaseOrderInput", PurchaseOrder, new { purchaseOrderId = id, reason = "" }),
        });
    }

    private static object PurchaseOrderInput(string sku, int quantity) => new
    {
        supplier = "TEXTIL-PORTO",
        location = "WH-LEEDS",
        lines = new[] { new { sku, quantity, expectedOn = ExpectedOn } },
    };

    private async Task<JsonElement> MutateAsync(string key, string mutation, string inputType, string result, object input) =>
        await Api.MutateAsync(key, mutation, inputType, $"{result} {Errors}", input);

    private static void AssertSnapshotOfSuccesses(Dictionary<string, JsonElement> payloads)
    {
        Assert.All(payloads.Values, payload => Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(payloads), fakeClock: false));
    }

    private static void AssertSnapshotOfRefusals(Dictionary<string, JsonElement> payloads)
    {
        Assert.All(payloads.Values, payload => Assert.NotEqual(0, payload.GetProperty("userErrors").GetArrayLength()));
        CommittedSnapshot.Match(SnapshotJson.Normalise(JsonSerializer.SerializeToElement(payloads), fakeClock: false));
    }
}
