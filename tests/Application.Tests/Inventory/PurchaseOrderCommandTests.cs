using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.CancelPurchaseOrder;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Application.Inventory.SetInspectionRequirement;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Tests.Inventory;

public sealed class PurchaseOrderCommandTests : InventoryScenario
{
    private static readonly DateOnly Eta = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime).AddDays(10);

    [Fact]
    public async Task CreateAndConfirm_BooksTheLinesInboundWithTheirEta()
    {
        var (sku, location) = await EmptyBalanceAsync();

        var created = Succeeded(await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "textil-porto", location, [new CreatePurchaseOrderLine(sku, 40, Eta)])));
        Assert.Equal((PurchaseOrderStatus.Draft, "TEXTIL-PORTO"), (created.Status, created.Supplier));
        Assert.Equal(0, (await BalanceAsync(sku, location)).Inbound);

        var confirmed = Succeeded(await SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, created.Id)));

        Assert.Equal(PurchaseOrderStatus.Confirmed, confirmed.Status);
        Assert.Equal(40, (await BalanceAsync(sku, location)).Inbound);
        var entry = (await EntriesAsync(sku, location))[^1];
        Assert.Equal((ReasonCodes.PurchaseOrderConfirmed, $"PO:{created.Id}", Planner.Id), (entry.ReasonCode, entry.Reference, entry.ActorId));
        Assert.Equal(Eta, confirmed.Lines[0].ExpectedOn);
    }

    [Fact]
    public async Task Receive_PartlyAndForASkuThatNeedsInspection_MovesInboundToAvailableAndQualityHold()
    {
        var (sku, location) = await EmptyBalanceAsync();
        const string jacket = "JACKET-DENIM-M-BLK"; // the demo seed marks the denim jackets for inspection
        var order = await ConfirmedAsync(location, (sku, 40), (jacket, 10));
        var jacketBefore = await BalanceAsync(jacket, location);

        var received = Succeeded(await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(
            new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine(sku, 25), new ReceivedLine(jacket, 10)])));

        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, received.Status);
        var tee = await BalanceAsync(sku, location);
        Assert.Equal((25, 15), (tee.Available, tee.Inbound));
        var jacketAfter = await BalanceAsync(jacket, location);
        Assert.Equal((jacketBefore.QualityHold + 10, jacketBefore.Available, jacketBefore.Inbound - 10),
            (jacketAfter.QualityHold, jacketAfter.Available, jacketAfter.Inbound));
    }

    [Fact]
    public async Task Receive_TheRestWithinTolerance_CompletesTheOrder()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var order = await ConfirmedAsync(location, (sku, 100));
        Succeeded(await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine(sku, 60)])));

        var received = Succeeded(await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(
            new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine(sku, 45)])));

        Assert.Equal(PurchaseOrderStatus.Received, received.Status);
        var balance = await BalanceAsync(sku, location);
        Assert.Equal((105, 0), (balance.Available, balance.Inbound));
    }

    [Fact]
    public async Task Receive_BeyondTheTolerance_IsRefusedAndChangesNothing()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var order = await ConfirmedAsync(location, (sku, 100));

        // The default policy allows 5 % over: 106 is one too many.
        await RefusedAsync<ReceivePurchaseOrder, PurchaseOrderView>(
            new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine(sku, 106)]), InventoryErrors.ReceiptBeyondToleranceCode, "lines[0].quantity");
    }

    [Fact]
    public async Task BadInput_GetsNamedErrorsAndChangesNothing()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var order = await ConfirmedAsync(location, (sku, 10));

        await RefusedAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location, [new CreatePurchaseOrderLine("NO-SUCH-SKU", 5, Eta)]),
            InventoryErrors.UnknownSkuCode, "lines[0].sku");
        await RefusedAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", "WH-NOWHERE", [new CreatePurchaseOrderLine(sku, 5, Eta)]),
            InventoryErrors.UnknownLocationCode, "location");
        await RefusedAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location, [new CreatePurchaseOrderLine(sku, 0, Eta)]), "QUANTITY_NOT_POSITIVE", "lines[0].quantity");
        await RefusedAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location, []), InventoryErrors.NoLinesCode, "lines");
        await RefusedAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, " ", location, [new CreatePurchaseOrderLine(sku, 5, Eta)]), InventoryErrors.SupplierInvalidCode, "supplier");
        await RefusedAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Actors.Warehouse, "TEXTIL-PORTO", location, [new CreatePurchaseOrderLine(sku, 5, Eta)]), CommonErrors.NotPermitted);
        await RefusedAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, order), InventoryErrors.PurchaseOrderIllegalTransitionCode);
        await RefusedAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, Guid.CreateVersion7()),
            InventoryErrors.PurchaseOrderNotFoundCode, "purchaseOrderId");
        await RefusedAsync<ReceivePurchaseOrder, PurchaseOrderView>(
            new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine(sku, -3)]), "QUANTITY_NOT_POSITIVE", "lines[0].quantity");
        await RefusedAsync<ReceivePurchaseOrder, PurchaseOrderView>(
            new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine("TEE-CREW-XS-OLV", 1)]), InventoryErrors.LineNotOnDocumentCode, "lines[0].sku");
    }

    [Fact]
    public async Task Cancel_AConfirmedOrder_TakesItsInboundOut_AndAReceivedOneCannotBeCancelled()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var order = await ConfirmedAsync(location, (sku, 30));
        await RefusedAsync<CancelPurchaseOrder, PurchaseOrderView>(new CancelPurchaseOrder(Planner, order, " "), InventoryErrors.ReasonRequiredCode, "reason");

        var cancelled = Succeeded(await SendAsync<CancelPurchaseOrder, PurchaseOrderView>(new CancelPurchaseOrder(Planner, order, "supplier out of stock")));

        Assert.Equal(PurchaseOrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(0, (await BalanceAsync(sku, location)).Inbound);
        var received = await ConfirmedAsync(location, (sku, 10));
        Succeeded(await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(new ReceivePurchaseOrder(Actors.Warehouse, received, [new ReceivedLine(sku, 10)])));
        await RefusedAsync<CancelPurchaseOrder, PurchaseOrderView>(new CancelPurchaseOrder(Planner, received, "too late"),
            InventoryErrors.PurchaseOrderIllegalTransitionCode);
    }

    [Fact]
    public async Task SetInspectionRequirement_SendsTheNextReceiptToQualityHold()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var set = Succeeded(await SendAsync<SetInspectionRequirement, InspectionRequirementView>(new SetInspectionRequirement(Planner, sku, true)));
        Assert.True(set.RequiresInspection);
        await RefusedAsync<SetInspectionRequirement, InspectionRequirementView>(new SetInspectionRequirement(Planner, sku, true),
            InventoryErrors.InspectionUnchangedCode);
        await RefusedAsync<SetInspectionRequirement, InspectionRequirementView>(new SetInspectionRequirement(Planner, "NOPE-1", true),
            InventoryErrors.UnknownSkuCode, "sku");
        var order = await ConfirmedAsync(location, (sku, 8));

        Succeeded(await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(new ReceivePurchaseOrder(Actors.Warehouse, order, [new ReceivedLine(sku, 8)])));

        var balance = await BalanceAsync(sku, location);
        Assert.Equal((0, 8), (balance.Available, balance.QualityHold));
    }

    private async Task<Guid> ConfirmedAsync(string location, params (string Sku, int Quantity)[] lines)
    {
        var created = Succeeded(await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location, [.. lines.Select(l => new CreatePurchaseOrderLine(l.Sku, l.Quantity, Eta))])));
        Succeeded(await SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, created.Id)));
        return created.Id;
    }
}
