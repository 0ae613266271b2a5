using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.Extensions.DependencyInjection;

using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Inventory;

/// <summary>The inventory ledger's mutations as planners and warehouses use them, on the real host and its SQLite file.</summary>
public sealed class InventoryApiTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private const string PurchaseOrderFields = "purchaseOrder { id status supplier location lines { sku orderedQuantity receivedQuantity expectedOn } } userErrors { code field message }";
    private const string TransferFields = "transfer { id status hasDiscrepancy fromLocation toLocation lines { sku shippedQuantity receivedQuantity discrepancyQuantity } } userErrors { code field message }";
    private const string BalanceFields = "balance { sku location levels { available damaged } } userErrors { code field message }";
    private const string AdjustmentFields = "adjustment { id status quantityChange reasonCode requestedBy approvedBy } userErrors { code field message }";

    private static readonly string ExpectedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd");

    private string _inventory = null!;
    private string _secondPerson = null!;
    private string _readOnly = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        // Approving an adjustment is the OperationsManager's, granted: the role inventory:write implies decides nothing (decision 026).
        _inventory = (await Api.IssueClientAsync([ApiScopes.InventoryWrite], [], [Roles.OperationsManager])).PlainKey;
        _secondPerson = (await Api.IssueClientAsync([ApiScopes.InventoryWrite], [], [Roles.OperationsManager])).PlainKey;
        _readOnly = await Api.IssueKeyAsync(ApiScopes.InventoryRead, ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.FulfillmentWrite);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task PurchaseOrder_CreatedConfirmedAndReceived_MovesInboundWithItsEtaThenToAvailable()
    {
        var before = await Api.LevelsAsync(Sku, "WH-LEEDS");

        var created = await CreatePurchaseOrderAsync(_inventory, Sku, "WH-LEEDS", 100);
        var id = created.GetProperty("id").GetString()!;
        var afterCreate = await Api.LevelsAsync(Sku, "WH-LEEDS");
        var confirmed = await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields, new { purchaseOrderId = id });
        var afterConfirm = await Api.LevelsAsync(Sku, "WH-LEEDS");
        var received = await Api.MutateAsync(_inventory, "receivePurchaseOrder", "ReceivePurchaseOrderInput", PurchaseOrderFields,
            new { purchaseOrderId = id, lines = new[] { new { sku = Sku, quantity = 100 } } });
        var afterReceipt = await Api.LevelsAsync(Sku, "WH-LEEDS");

        Assert.Equal("DRAFT", created.GetProperty("status").GetString());
        Assert.Equal(ExpectedOn, created.GetProperty("lines")[0].GetProperty("expectedOn").GetString());
        Assert.Equal(before, afterCreate);
        Assert.Equal("CONFIRMED", Succeeded(confirmed, "purchaseOrder").GetProperty("status").GetString());
        Assert.Equal(before with { Inbound = before.Inbound + 100 }, afterConfirm);
        var receivedOrder = Succeeded(received, "purchaseOrder");
        Assert.Equal("RECEIVED", receivedOrder.GetProperty("status").GetString());
        Assert.Equal(100, receivedOrder.GetProperty("lines")[0].GetProperty("receivedQuantity").GetInt32());
        Assert.Equal(before with { Available = before.Available + 100 }, afterReceipt);
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task PurchaseOrder_ConfirmedForAnotherDate_BooksInboundWithTheSuppliersEta_AndAPastDateIsRefusedBesideTheLine()
    {
        var id = (await CreatePurchaseOrderAsync(_inventory, Sku, "WH-LEEDS", 40)).GetProperty("id").GetString();
        var before = await Api.LevelsAsync(Sku, "WH-LEEDS");
        var later = DateOnly.Parse(ExpectedOn, System.Globalization.CultureInfo.InvariantCulture).AddDays(10).ToString("yyyy-MM-dd");

        var past = await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields,
            new { purchaseOrderId = id, lines = new[] { new { sku = Sku, expectedOn = "2001-01-01" } } });
        var afterRefusal = await Api.LevelsAsync(Sku, "WH-LEEDS");
        var confirmed = await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields,
            new { purchaseOrderId = id, lines = new[] { new { sku = Sku, expectedOn = later } } });

        var refusal = Assert.Single(UserErrors(past));
        Assert.Equal((InventoryErrors.ExpectedDateInvalidCode, "lines[0].expectedOn"), (refusal.Code, refusal.Field));
        Assert.Equal(before, afterRefusal);
        var order = Succeeded(confirmed, "purchaseOrder");
        Assert.Equal(("CONFIRMED", later), (order.GetProperty("status").GetString(), order.GetProperty("lines")[0].GetProperty("expectedOn").GetString()));
        Assert.Equal(before with { Inbound = before.Inbound + 40 }, await Api.LevelsAsync(Sku, "WH-LEEDS"));
    }

    [Fact]
    public async Task Transfer_ShippedAndReceivedShort_IsInTransitThenAvailableAtTheDestination_WithTheRestADiscrepancy()
    {
        var (sku, source) = await Api.SkuWithAvailableAsync("WH-BERLIN", 10);
        var destinationBefore = await Api.LevelsAsync(sku, "WH-ROTTERDAM");

        var shipped = Succeeded(await Api.MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", TransferFields,
            new { fromLocation = "WH-BERLIN", toLocation = "WH-ROTTERDAM", lines = new[] { new { sku, quantity = 5 } } }), "transfer");
        var sourceAfterShipping = await Api.LevelsAsync(sku, "WH-BERLIN");
        var destinationAfterShipping = await Api.LevelsAsync(sku, "WH-ROTTERDAM");
        var received = Succeeded(await Api.MutateAsync(_inventory, "receiveTransfer", "ReceiveTransferInput", TransferFields,
            new { transferId = shipped.GetProperty("id").GetString(), lines = new[] { new { sku, quantity = 4 } } }), "transfer");
        var destinationAfterReceipt = await Api.LevelsAsync(sku, "WH-ROTTERDAM");

        Assert.Equal("IN_TRANSIT", shipped.GetProperty("status").GetString());
        Assert.Equal(source with { Available = source.Available - 5 }, sourceAfterShipping);
        Assert.Equal(destinationBefore with { InTransit = destinationBefore.InTransit + 5 }, destinationAfterShipping);
        Assert.Equal("RECEIVED", received.GetProperty("status").GetString());
        Assert.True(received.GetProperty("hasDiscrepancy").GetBoolean());
        Assert.Equal(1, received.GetProperty("lines")[0].GetProperty("discrepancyQuantity").GetInt32());
        Assert.Equal(destinationBefore with { Available = destinationBefore.Available + 4 }, destinationAfterReceipt);
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task Transfer_ShippedWithAnEta_ExposesIt_AndSetTransferEtaMovesIt_ButNeverBeforeTheShipDate()
    {
        const string fields = "transfer { id status expectedOn shippedAt receivedAt } userErrors { code field message }";
        var (sku, _) = await Api.SkuWithAvailableAsync("WH-BERLIN", 3);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var shipped = Succeeded(await Api.MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", fields,
            new { fromLocation = "WH-BERLIN", toLocation = "WH-ROTTERDAM", lines = new[] { new { sku, quantity = 1 } }, expectedOn = Day(2) }), "transfer");
        var id = shipped.GetProperty("id").GetString();
        var moved = Succeeded(await Api.MutateAsync(_inventory, "setTransferEta", "SetTransferEtaInput", fields, new { transferId = id, expectedOn = Day(4) }), "transfer");
        var early = await Api.MutateAsync(_inventory, "setTransferEta", "SetTransferEtaInput", fields, new { transferId = id, expectedOn = Day(-30) });
        var malformed = await Api.MutateAsync(_inventory, "setTransferEta", "SetTransferEtaInput", fields, new { transferId = "nope", expectedOn = Day(1) });
        var readOnly = await Api.PostAsync(_readOnly, Mutation("setTransferEta", "SetTransferEtaInput", fields), new { input = new { transferId = id, expectedOn = Day(5) } });

        Assert.Equal(Day(2), shipped.GetProperty("expectedOn").GetString());
        Assert.Equal(JsonValueKind.Null, shipped.GetProperty("receivedAt").ValueKind);
        Assert.Equal(Day(4), moved.GetProperty("expectedOn").GetString());
        Assert.Equal<(string?, string?)>(("TRANSFER_ARRIVAL_BEFORE_SHIPMENT", "expectedOn"), UserErrors(early).Single());
        Assert.Equal<(string?, string?)>(("TRANSFER_NOT_FOUND", "transferId"), UserErrors(malformed).Single());
        Assert.Equal("FORBIDDEN", readOnly.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task SetTransferEta_FromAStaleExpectedVersion_IsAConcurrencyConflict_AndLeavesTheOtherEta()
    {
        const string fields = "transfer { id expectedOn version } userErrors { code field message }";
        var (sku, _) = await Api.SkuWithAvailableAsync("WH-BERLIN", 3);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var shipped = Succeeded(await Api.MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", fields,
            new { fromLocation = "WH-BERLIN", toLocation = "WH-ROTTERDAM", lines = new[] { new { sku, quantity = 1 } }, expectedOn = Day(2) }), "transfer");
        var (id, seen) = (shipped.GetProperty("id").GetString(), shipped.GetProperty("version").GetInt32());

        var moved = Succeeded(await Api.MutateAsync(_inventory, "setTransferEta", "SetTransferEtaInput", fields,
            new { transferId = id, expectedOn = Day(4), expectedVersion = seen }), "transfer");
        var stale = await Api.MutateAsync(_inventory, "setTransferEta", "SetTransferEtaInput", fields,
            new { transferId = id, expectedOn = Day(3), expectedVersion = seen });

        Assert.Equal<(string?, string?)>(("CONCURRENCY_CONFLICT", "expectedVersion"), UserErrors(stale).Single());
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("transfer").ValueKind);
        Assert.Equal((Day(4), seen + 1), (moved.GetProperty("expectedOn").GetString(), moved.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task MoveAndSmallAdjustment_ApplyAtOnce_AndALargeAdjustmentWaitsForASecondPerson()
    {
        var (sku, before) = await Api.SkuWithAvailableAsync("WH-ROTTERDAM", 5);

        var moved = Succeeded(await Api.MutateAsync(_inventory, "moveStock", "MoveStockInput", BalanceFields,
            new { sku, location = "WH-ROTTERDAM", from = "AVAILABLE", to = "DAMAGED", quantity = 2 }), "balance");
        var small = Succeeded(await Api.MutateAsync(_inventory, "adjustStock", "AdjustStockInput", AdjustmentFields,
            new { sku, location = "WH-ROTTERDAM", quantityChange = 3, reasonCode = "FOUND" }), "adjustment");
        var large = Succeeded(await Api.MutateAsync(_inventory, "adjustStock", "AdjustStockInput", AdjustmentFields,
            new { sku, location = "WH-ROTTERDAM", quantityChange = 60, reasonCode = "FOUND", note = "A pallet behind the racking." }), "adjustment");
        var whileWaiting = await Api.LevelsAsync(sku, "WH-ROTTERDAM");
        var largeId = large.GetProperty("id").GetString();
        var selfApproval = await Api.MutateAsync(_inventory, "approveAdjustment", "ApproveAdjustmentInput", AdjustmentFields, new { adjustmentId = largeId });
        var scopeOnly = await Api.MutateAsync(await Api.IssueKeyAsync(ApiScopes.InventoryWrite), "approveAdjustment", "ApproveAdjustmentInput",
            AdjustmentFields, new { adjustmentId = largeId });
        var approved = Succeeded(await Api.MutateAsync(_secondPerson, "approveAdjustment", "ApproveAdjustmentInput", AdjustmentFields,
            new { adjustmentId = largeId }), "adjustment");
        var after = await Api.LevelsAsync(sku, "WH-ROTTERDAM");

        Assert.Equal(before.Available - 2, moved.GetProperty("levels").GetProperty("available").GetInt32());
        Assert.Equal(before.Damaged + 2, moved.GetProperty("levels").GetProperty("damaged").GetInt32());
        Assert.Equal("APPLIED", small.GetProperty("status").GetString());
        Assert.Equal("PENDING_APPROVAL", large.GetProperty("status").GetString());
        Assert.Equal(before with { Available = before.Available + 1, Damaged = before.Damaged + 2 }, whileWaiting);
        Assert.Equal(InventoryErrors.SelfApprovalCode, Assert.Single(UserErrors(selfApproval)).Code);
        Assert.Equal(CommonErrors.NotPermitted, Assert.Single(UserErrors(scopeOnly)).Code);
        Assert.Equal("APPLIED", approved.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, approved.GetProperty("approvedBy").ValueKind);
        Assert.NotEqual(approved.GetProperty("requestedBy").GetString(), approved.GetProperty("approvedBy").GetString());
        Assert.Equal(before with { Available = before.Available + 61, Damaged = before.Damaged + 2 }, after);
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task BadInput_AnswersUserErrorsWithCodesAndFields_AndChangesNothing()
    {
        var order = await CreatePurchaseOrderAsync(_inventory, Sku, "WH-BERLIN", 100);
        var orderId = order.GetProperty("id").GetString();
        Succeeded(await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields, new { purchaseOrderId = orderId }),
            "purchaseOrder");
        var (sku, levels) = await Api.SkuWithAvailableAsync("WH-BERLIN", 1);
        var ledgerBefore = await Api.BalancesAsync();

        var zeroQuantity = await Api.MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrderFields,
            PurchaseOrderInput(Sku, "WH-BERLIN", 0));
        var unknownSku = await Api.MutateAsync(_inventory, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrderFields,
            PurchaseOrderInput("NO-SUCH-SKU", "WH-BERLIN", 10));
        var unknownLocation = await Api.MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", TransferFields,
            new { fromLocation = "WH-BERLIN", toLocation = "WH-NOWHERE", lines = new[] { new { sku, quantity = 1 } } });
        var beyondTolerance = await Api.MutateAsync(_inventory, "receivePurchaseOrder", "ReceivePurchaseOrderInput", PurchaseOrderFields,
            new { purchaseOrderId = orderId, lines = new[] { new { sku = Sku, quantity = 106 } } });
        var moveBeyondBucket = await Api.MutateAsync(_inventory, "moveStock", "MoveStockInput", BalanceFields,
            new { sku, location = "WH-BERLIN", from = "AVAILABLE", to = "DAMAGED", quantity = levels.Available + 1 });
        var transferBeyondBucket = await Api.MutateAsync(_inventory, "shipTransfer", "ShipTransferInput", TransferFields,
            new { fromLocation = "WH-BERLIN", toLocation = "WH-LEEDS", lines = new[] { new { sku, quantity = levels.Available + 1 } } });
        var noReason = await Api.MutateAsync(_inventory, "adjustStock", "AdjustStockInput", AdjustmentFields,
            new { sku, location = "WH-BERLIN", quantityChange = -1 });
        var malformedId = await Api.MutateAsync(_inventory, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", PurchaseOrderFields,
            new { purchaseOrderId = "not-an-id" });
        var unknownAdjustment = await Api.MutateAsync(_inventory, "approveAdjustment", "ApproveAdjustmentInput", AdjustmentFields,
            new { adjustmentId = Guid.NewGuid() });

        Assert.Contains(("QUANTITY_NOT_POSITIVE", "lines[0].quantity"), UserErrors(zeroQuantity));
        Assert.Contains((InventoryErrors.UnknownSkuCode, "lines[0].sku"), UserErrors(unknownSku));
        Assert.Contains((InventoryErrors.UnknownLocationCode, "toLocation"), UserErrors(unknownLocation));
        Assert.Contains((InventoryErrors.ReceiptBeyondToleranceCode, "lines[0].quantity"), UserErrors(beyondTolerance));
        Assert.Contains((InventoryErrors.InsufficientStockCode, "quantity"), UserErrors(moveBeyondBucket));
        Assert.Contains((InventoryErrors.InsufficientStockCode, "lines[0].quantity"), UserErrors(transferBeyondBucket));
        Assert.Contains((InventoryErrors.ReasonRequiredCode, "reasonCode"), UserErrors(noReason));
        Assert.Equal([(InventoryErrors.PurchaseOrderNotFoundCode, "purchaseOrderId")], UserErrors(malformedId));
        Assert.Equal([(InventoryErrors.AdjustmentNotFoundCode, "adjustmentId")], UserErrors(unknownAdjustment));
        Assert.Equal(ledgerBefore, await Api.BalancesAsync());
        await Api.AssertLedgerHoldsAsync();
    }

    [Fact]
    public async Task AKeyWithoutInventoryWrite_IsForbidden_AndChangesNothing()
    {
        var before = await Api.BalancesAsync();

        var (status, body) = await Api.PostAsync(_readOnly, Mutation("adjustStock", "AdjustStockInput", AdjustmentFields),
            new { input = new { sku = Sku, location = "WH-BERLIN", quantityChange = 5, reasonCode = "FOUND" } });

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, await Api.BalancesAsync());
    }

    private static object PurchaseOrderInput(string sku, string location, int quantity) => new
    {
        supplier = "TEXTIL-PORTO",
        location,
        lines = new[] { new { sku, quantity, expectedOn = ExpectedOn } },
    };

    private async Task<JsonElement> CreatePurchaseOrderAsync(string key, string sku, string location, int quantity) =>
        Succeeded(await Api.MutateAsync(key, "createPurchaseOrder", "CreatePurchaseOrderInput", PurchaseOrderFields, PurchaseOrderInput(sku, location, quantity)),
            "purchaseOrder");

}
