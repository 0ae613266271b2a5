using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Access.GetApiCaller;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Inventory;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Application.Tests.Finance;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Returns;

/// <summary>The return flow end to end on the real SQLite file: receipt, inspection, disposition, refund, with the ledger verified after each scenario.</summary>
public sealed class ReturnFlowTests : ReturnScenario
{
    private static readonly Actor Warehouse = Actors.Warehouse;

    [Fact]
    public async Task FullReturnWithRestock_BooksEveryMoveUnderTheRma_WakesABackorder_AndRefundsLessTheFees()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Hoodie, 2, 25m), (Hoodie, 2));
        var waiting = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 1));
        Assert.Equal(OrderStatus.Backordered, waiting.Status);

        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "WRONG_SIZE", "Too small"));
        Assert.Equal((ReturnStatus.Authorized, "RMA-2026-000001"), (requested.Status, requested.RmaNumber));
        var id = requested.ReturnId;
        await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 2)]));
        Assert.Equal(2, (await LevelsOfAsync(Hoodie)).ReturnsAwaitingInspection);
        await StepAsync(new InspectReturnLines(id, Warehouse, [new(1, [InspectionGrade.Resellable, InspectionGrade.Resellable])]));
        var dispositioned = await StepAsync(new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.Restock, 2)]));
        Assert.Equal(ReturnStatus.Dispositioned, dispositioned.Status);
        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(waiting.Id.Value)).Status);
        Assert.Equal((1, 1, 0), ((await LevelsOfAsync(Hoodie)).Available, (await LevelsOfAsync(Hoodie)).Reserved, (await LevelsOfAsync(Hoodie)).ReturnsAwaitingInspection));

        var refunded = await StepAsync(new RefundReturn(id, Actors.Finance));
        // 2 x 25.00, less 10 % restocking (5.00) and the return shipping (5.00) of a customer-fault reason.
        Assert.Equal((ReturnStatus.Refunded, "CN-2026-000001", 4_000L), (refunded.Status, refunded.Return.CreditNoteNumber, refunded.Return.RefundTotalMinor));
        var closed = await StepAsync(new CloseReturn(id, Actors.Finance));

        Assert.Equal(ReturnStatus.Closed, closed.Status);
        Assert.Equal([(ReasonCodes.ReturnReceived, (StockBucket?)null, (StockBucket?)StockBucket.ReturnsAwaitingInspection, 2),
                (ReasonCodes.ReturnRestocked, StockBucket.ReturnsAwaitingInspection, StockBucket.Available, 2)],
            (await ReturnEntriesAsync(requested.RmaNumber)).Select(e => (e.ReasonCode, e.From, e.To, e.Quantity)));
        Assert.Equal([ReturnStatus.Requested, ReturnStatus.Authorized, ReturnStatus.Received, ReturnStatus.Received, ReturnStatus.Inspected, ReturnStatus.Inspected,
            ReturnStatus.Dispositioned, ReturnStatus.Refunded, ReturnStatus.Closed], closed.Return.Timeline.Select(t => t.To));
    }

    [Fact]
    public async Task PartialReceipts_AndUnitsClosedAsMissing_CompleteTheReturn_AndOnlyArrivedUnitsAreRefunded()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 3, 20m), (Tee, 3));
        var id = (await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 3, "DEFECTIVE"))).ReturnId;

        await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        var second = await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        Assert.Equal((ReturnStatus.Received, 2, 2), (second.Status, second.Return.Lines[0].Received, (await LevelsOfAsync(Tee)).ReturnsAwaitingInspection));
        await StepAsync(new InspectReturnLines(id, Warehouse, [new(1, [InspectionGrade.Resellable, InspectionGrade.Resellable])]));
        var missing = await StepAsync(new CloseMissingReturnUnits(id, Warehouse, [new(1, 1)]));
        Assert.Equal(ReturnStatus.Inspected, missing.Status);
        await StepAsync(new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.Restock, 2)]));

        var refunded = await StepAsync(new RefundReturn(id, Actors.Finance));

        // Seller's fault: no fees; the missing unit is not refunded.
        Assert.Equal(4_000L, refunded.Return.RefundTotalMinor);
        await RefusedAsync<ReceiveReturn, ReturnCommandResult>(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]), ReturnErrors.IllegalTransitionCode);
    }

    [Fact]
    public async Task TheSameReceiptAgain_ChangesNothing_AndTheSameReceiptIdWithOtherContent_IsRefused()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 25m), (Tee, 2));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));
        var receipt = Guid.NewGuid();
        var first = await StepAsync(new ReceiveReturn(requested.ReturnId, Warehouse, receipt, Berlin, [new(1, 1)]));
        var before = await StateAsync();

        var again = await StepAsync(new ReceiveReturn(requested.ReturnId, Warehouse, receipt, Berlin, [new(1, 1)]));

        Assert.Equal((first.Version, 1), (again.Version, again.Return.Lines[0].Received));
        Assert.Equal(before, await StateAsync());
        await RefusedAsync<ReceiveReturn, ReturnCommandResult>(new ReceiveReturn(requested.ReturnId, Warehouse, receipt, Berlin, [new(1, 2)]),
            ReturnErrors.ReceiptConflictCode, "receiptId");
        await RefusedAsync<ReceiveReturn, ReturnCommandResult>(new ReceiveReturn(requested.ReturnId, Warehouse, receipt, Rotterdam, [new(1, 1)]),
            ReturnErrors.ReceiptConflictCode, "receiptId");
    }

    [Fact]
    public async Task RefurbishedUnits_WaitInQualityHold_AndAreRestockedLaterByReleasingTheHold()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        var id = (await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE"))).ReturnId;
        await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        await StepAsync(new InspectReturnLines(id, Warehouse, [new(1, [InspectionGrade.Refurbishable])]));

        await StepAsync(new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.Refurbish, 1)]));
        Assert.Equal((0, 1), ((await LevelsOfAsync(Tee)).Available, (await LevelsOfAsync(Tee)).QualityHold));
        Succeeded(await SendAsync<MoveStock, BalanceView>(new MoveStock(Warehouse, Tee, Berlin, StockBucket.QualityHold, StockBucket.Available, 1, "refurbished")));

        Assert.Equal((1, 0), ((await LevelsOfAsync(Tee)).Available, (await LevelsOfAsync(Tee)).QualityHold));
    }

    [Fact]
    public async Task ReceivedUnits_CannotBeMovedOutOfReturnsAwaitingInspectionByHand_SoTheirReturnCanStillDispositionThem()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        var id = (await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE"))).ReturnId;
        await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        var received = await LevelsOfAsync(Tee);

        await RefusedAsync<MoveStock, BalanceView>(
            new MoveStock(Warehouse, Tee, Berlin, StockBucket.ReturnsAwaitingInspection, StockBucket.Available, 1), InventoryErrors.MoveNotAllowedCode);

        Assert.Equal(received, await LevelsOfAsync(Tee));
        await StepAsync(new InspectReturnLines(id, Warehouse, [new(1, [InspectionGrade.Resellable])]));
        Assert.Equal(ReturnStatus.Dispositioned, (await StepAsync(new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.Restock, 1)]))).Status);
        Assert.Equal((1, 0), ((await LevelsOfAsync(Tee)).Available, (await LevelsOfAsync(Tee)).ReturnsAwaitingInspection));
    }

    [Fact]
    public async Task ScrappedUnitsAboveTheThreshold_AreWrittenOffOnlyWhenASecondPersonApproves()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 6, 20m), (Tee, 6));
        var id = (await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 6, "DEFECTIVE"))).ReturnId;
        await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 6)]));
        await StepAsync(new InspectReturnLines(id, Warehouse, [new(1, [.. Enumerable.Repeat(InspectionGrade.Damaged, 6)])]));

        var damagedBefore = (await LevelsOfAsync(Tee)).Damaged;

        var scrapped = await StepAsync(new DispositionReturnLines(id, Actors.Admin, [new(1, ReturnDisposition.Scrap, 6)]));
        Assert.Equal((6, damagedBefore + 6), (scrapped.Return.WriteOffPending, (await LevelsOfAsync(Tee)).Damaged));
        await RefusedAsync<ApproveReturnWriteOff, ReturnCommandResult>(new ApproveReturnWriteOff(id, Actors.Admin), ReturnErrors.SelfApprovalCode);
        await RefusedAsync<ApproveReturnWriteOff, ReturnCommandResult>(new ApproveReturnWriteOff(id, Warehouse), ReturnErrors.ActorNotPermittedCode);

        await StepAsync(new ApproveReturnWriteOff(id, Actors.Operations));

        Assert.Equal(damagedBefore, (await LevelsOfAsync(Tee)).Damaged);
        Assert.Equal([ReasonCodes.ReturnReceived, ReasonCodes.ReturnDamaged, ReasonCodes.ReturnWrittenOff],
            (await ReturnEntriesAsync(scrapped.RmaNumber)).Select(e => e.ReasonCode));
    }

    [Fact]
    public async Task ReturnToVendor_NeedsAnActiveSupplier_AndTakesTheUnitsOutOfTheLedger()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "DEFECTIVE"));
        var id = requested.ReturnId;
        await StepAsync(new ReceiveReturn(id, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        await StepAsync(new InspectReturnLines(id, Warehouse, [new(1, [InspectionGrade.Damaged])]));
        await RefusedAsync<DispositionReturnLines, ReturnCommandResult>(
            new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.ReturnToVendor, 1)]), ReturnErrors.SupplierInvalidCode, "supplier");
        await RefusedAsync<DispositionReturnLines, ReturnCommandResult>(
            new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.ReturnToVendor, 1)], "NO-SUCH-MILL"), ReturnErrors.SupplierInvalidCode, "supplier");

        var before = await LevelsOfAsync(Tee);

        await StepAsync(new DispositionReturnLines(id, Warehouse, [new(1, ReturnDisposition.ReturnToVendor, 1)], "TEXTIL-PORTO"));

        Assert.Equal(before with { ReturnsAwaitingInspection = 0 }, await LevelsOfAsync(Tee));
        Assert.Equal(1, before.ReturnsAwaitingInspection);
        Assert.Equal((ReasonCodes.ReturnToVendor, (StockBucket?)null), (await ReturnEntriesAsync(requested.RmaNumber)).Select(e => (e.ReasonCode, e.To)).Last());
    }

    [Fact]
    public async Task AnExchange_CapturesOneLinkedReplacementOrderOnTheSameChannel_AllocatedLikeAnyOther()
    {
        var (requested, replacementId) = await ExchangeWithReplacementAsync();

        var replacement = await Host.LoadAsync(replacementId);
        Assert.Equal(("WEB", $"{requested.RmaNumber}-EXCHANGE", OrderStatus.Allocated), (replacement.Channel.Value, replacement.ExternalOrderId, replacement.Status));
        Assert.Equal((Larger, 1, 0L), (replacement.Lines.Single().Sku.Value, replacement.Lines.Single().Quantity, replacement.TotalMinor));

        // The exchanged unit is replaced, not refunded: received, restocked, and the refund pays nothing (fees never make it negative).
        await StepAsync(new ReceiveReturn(requested.ReturnId, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        await StepAsync(new InspectReturnLines(requested.ReturnId, Warehouse, [new(1, [InspectionGrade.Resellable])]));
        await StepAsync(new DispositionReturnLines(requested.ReturnId, Warehouse, [new(1, ReturnDisposition.Restock, 1)]));
        Assert.Equal(0L, (await StepAsync(new RefundReturn(requested.ReturnId, Actors.Finance))).Return.RefundTotalMinor);
    }

    [Fact]
    public async Task CancellingAnExchangeReturn_CancelsItsReplacementOrder_AndGivesItsReservedUnitsBack()
    {
        var (requested, replacement) = await ExchangeWithReplacementAsync();
        Assert.Equal((0, 1), ((await LevelsOfAsync(Larger)).Available, (await LevelsOfAsync(Larger)).Reserved));

        var cancelled = await StepAsync(new CancelReturn(requested.ReturnId, Actors.CustomerService, "Customer keeps the tee"));

        Assert.Equal(ReturnStatus.Cancelled, cancelled.Status);
        var withdrawn = await Host.LoadAsync(replacement);
        Assert.Equal((OrderStatus.Cancelled, $"Its exchange return {requested.RmaNumber} was cancelled."), (withdrawn.Status, withdrawn.CancellationReason));
        Assert.Equal((1, 0), ((await LevelsOfAsync(Larger)).Available, (await LevelsOfAsync(Larger)).Reserved));
    }

    [Fact]
    public async Task AnExchangeReturn_WhoseReplacementHasShipped_IsNotCancelled_ForItsUnitsAreStillOwed()
    {
        var (requested, replacement) = await ExchangeWithReplacementAsync();
        await OrderStepAsync(new ReleaseOrder(replacement, Actors.Operations));
        await OrderStepAsync(new StartPicking(replacement, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPick(replacement, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPack(replacement, Actors.Warehouse, 1));
        await OrderStepAsync(new ConfirmShipment(replacement, Actors.Warehouse, "DHL", "JD0146000054321"));

        await RefusedAsync<CancelReturn, ReturnCommandResult>(new CancelReturn(requested.ReturnId, Actors.CustomerService, "Customer keeps the tee"),
            ReturnErrors.ReplacementShippedCode);

        Assert.Equal(ReturnStatus.Authorized, Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService))).Status);
        Assert.Equal(OrderStatus.Shipped, (await Host.LoadAsync(replacement)).Status);
    }

    [Fact]
    public async Task AnExchangeReturn_CancelledBeforeItsReplacementWasCaptured_GetsNone()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        await SetStockAsync(Larger, (Berlin, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: 1));

        // Cancelled while its authorisation still waits in the outbox for the exchange to be captured.
        await StepAsync(new CancelReturn(requested.ReturnId, Actors.CustomerService, "Customer keeps the tee"));
        await Host.DispatchOutboxAsync();
        await Host.DispatchOutboxAsync();

        var externalId = $"{requested.RmaNumber}-EXCHANGE";
        Assert.False(await Host.WithDbAsync(db => db.Orders.AnyAsync(o => o.ExternalOrderId == externalId)), "A cancelled return's exchange was captured.");
        Assert.Null(Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService))).ReplacementOrderId);
        Assert.Equal((1, 0), ((await LevelsOfAsync(Larger)).Available, (await LevelsOfAsync(Larger)).Reserved));
    }

    [Fact]
    public async Task AReplacementCapturedButNotLinked_WhenItsReturnWasCancelled_IsCancelled_AsTheAuthorisationIsHandledAgain()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        await SetStockAsync(Larger, (Berlin, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: 1));
        // An earlier attempt at the authorisation captured the replacement and stopped before linking it; then the return was cancelled.
        var captured = await CaptureAsync(new OrderBuilder().WithExternalId($"{requested.RmaNumber}-EXCHANGE").WithLine(Larger, 1, 0m).By(Actor.System));
        await StepAsync(new CancelReturn(requested.ReturnId, Actors.CustomerService, "Customer keeps the tee"));

        await Host.DispatchOutboxAsync();
        await Host.DispatchOutboxAsync();

        var withdrawn = await Host.LoadAsync(captured);
        Assert.Equal((OrderStatus.Cancelled, $"Its exchange return {requested.RmaNumber} was cancelled."), (withdrawn.Status, withdrawn.CancellationReason));
        Assert.Null(Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService))).ReplacementOrderId);
        Assert.Equal((1, 0), ((await LevelsOfAsync(Larger)).Available, (await LevelsOfAsync(Larger)).Reserved));
    }

    [Fact]
    public async Task ExchangedUnitsClosedAsMissing_StayOnTheirReturn_SoNoSecondExchangeGoesOutForThem()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 3, 25m), (Tee, 3));
        await SetStockAsync(Larger, (Berlin, 3));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 3, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: 2));
        await Host.DispatchOutboxAsync();
        await Host.DispatchOutboxAsync();

        // One unit arrives; two never do. One of those two was exchanged (and its replacement sent), the other was not.
        await StepAsync(new ReceiveReturn(requested.ReturnId, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        await StepAsync(new CloseMissingReturnUnits(requested.ReturnId, Warehouse, [new(1, 2)]));

        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, shipped.Id.Value,
            [new(1, 2, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: 2)]), ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        Assert.Equal(ReturnStatus.Authorized, (await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE"))).Status);
    }

    private const string Larger = "TEE-CREW-L-BLK";

    /// <summary>A shipped tee returned for the larger size, its replacement order captured, linked and allocated.</summary>
    private async Task<(ReturnCommandResult Requested, Guid Replacement)> ExchangeWithReplacementAsync()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        await SetStockAsync(Larger, (Berlin, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "WRONG_SIZE", ExchangeSku: Larger, ExchangeQuantity: 1));
        await Host.DispatchOutboxAsync();
        await Host.DispatchOutboxAsync();
        var linked = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        var replacement = Assert.NotNull(linked.ReplacementOrderId);
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(replacement)).Status);
        return (requested, replacement);
    }

    [Fact]
    public async Task ALineShippedAsTheSkuOrderedAndASubstitute_IsReturnedPerNamedSku_EachReceivedAsItself_AndNeverBeyondItsShippedUnits()
    {
        var shipped = await TwoTeesAndAVNeckShippedAsync();
        var orderId = shipped.Id.Value;

        var substitute = await RequestAsync(orderId, new ReturnLineDraft(1, 1, "WRONG_SIZE", Sku: VNeck));
        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, orderId, [new(1, 1, "WRONG_SIZE")]),
            ReturnErrors.LineShippedAsSeveralSkusCode, "lines[0].sku");
        // Two of the line's units are still open, but not as the V-neck, and only two as the crew-neck.
        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, orderId, [new(1, 1, "WRONG_SIZE", Sku: VNeck)]),
            ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, orderId, [new(1, 3, "WRONG_SIZE", Sku: Tee)]),
            ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        var ordered = await RequestAsync(orderId, new ReturnLineDraft(1, 2, "WRONG_SIZE", Sku: Tee));
        foreach (var sku in new[] { Tee, VNeck })
            await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, orderId, [new(1, 1, "WRONG_SIZE", Sku: sku)]),
                ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");

        await StepAsync(new ReceiveReturn(substitute.ReturnId, Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
        Assert.Equal((1, 0), ((await LevelsOfAsync(VNeck)).ReturnsAwaitingInspection, (await LevelsOfAsync(Tee)).ReturnsAwaitingInspection));
        await StepAsync(new ReceiveReturn(ordered.ReturnId, Warehouse, Guid.NewGuid(), Berlin, [new(1, 2)]));
        await StepAsync(new InspectReturnLines(substitute.ReturnId, Warehouse, [new(1, [InspectionGrade.Resellable])]));
        await StepAsync(new DispositionReturnLines(substitute.ReturnId, Warehouse, [new(1, ReturnDisposition.Restock, 1)]));

        Assert.Equal((1, 0), ((await LevelsOfAsync(VNeck)).Available, (await LevelsOfAsync(VNeck)).ReturnsAwaitingInspection));
        Assert.Equal((0, 2), ((await LevelsOfAsync(Tee)).Available, (await LevelsOfAsync(Tee)).ReturnsAwaitingInspection));
        Assert.Equal([(VNeck, ReasonCodes.ReturnReceived, 1), (VNeck, ReasonCodes.ReturnRestocked, 1)],
            (await ReturnEntriesAsync(substitute.RmaNumber)).Select(e => (e.Sku.Value, e.ReasonCode, e.Quantity)));
        Assert.Equal([(Tee, ReasonCodes.ReturnReceived, 2)], (await ReturnEntriesAsync(ordered.RmaNumber)).Select(e => (e.Sku.Value, e.ReasonCode, e.Quantity)));

        var creditNote = (await StepAsync(new RefundReturn(substitute.ReturnId, Actors.Finance))).Return.CreditNoteNumber;
        await Host.DispatchOutboxAsync();
        Assert.Equal([VNeck], await Host.WithDbAsync(db => db.Set<JournalLine>().AsNoTracking()
            .Where(l => l.Sku != null && (l.Reference == Return.ReferenceOf(substitute.RmaNumber) || l.Reference == creditNote))
            .Select(l => l.Sku!).Distinct().ToListAsync()));
        await Host.AssertJournalHoldsAsync();
    }

    private const string VNeck = "TEE-VNECK-M-BLK";

    /// <summary>
    /// Three crew-neck tees on the web shop (which substitutes): two allocated from Berlin's stock, the third backordered until one
    /// V-neck (the crew-neck's substitute) arrives and is allocated in its place; all three shipped in one parcel.
    /// </summary>
    private async Task<Order> TwoTeesAndAVNeckShippedAsync()
    {
        await SetStockAsync(Tee, (Berlin, 2));
        await SetStockAsync(VNeck);
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 3, 25m));
        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        await ReceiveAsync(VNeck, Berlin, 1);
        // The V-neck's arrival wakes the order waiting for the SKU it substitutes (decision 069): its third tee ships as a V-neck.
        await Host.DispatchOutboxAsync();
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(order.Id.Value)).Status);

        var shipped = await ShipAsync(order.Id.Value);
        Assert.Equal([(Tee, 2), (VNeck, 1)], shipped.Shipments.SelectMany(s => s.Lines).OrderBy(l => l.Sku.Value).Select(l => (l.Sku.Value, l.Quantity)));
        return shipped;
    }

    [Fact]
    public async Task ALine_CannotBeReturnedBeyondWhatShipped_LessItsOtherLiveReturns_UntilOneIsCancelled()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 25m), (Tee, 2));
        var first = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));

        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, shipped.Id.Value, [new(1, 1, "CHANGED_MIND")]),
            ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        await StepAsync(new CancelReturn(first.ReturnId, Actors.CustomerService, "Customer keeps them"));

        Assert.Equal(ReturnStatus.Authorized, (await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "CHANGED_MIND"))).Status);
    }

    [Fact]
    public async Task ALineNotShippedYet_IsRefusedWithANamedError()
    {
        await SetStockAsync(Tee, (Berlin, 1));
        var allocated = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 1));

        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, allocated.Id.Value, [new(1, 1, "CHANGED_MIND")]),
            ReturnErrors.LineNotShippedCode, "lines[0].orderLineNumber");
    }

    [Fact]
    public async Task AfterTheChannelsReturnWindow_ARequestIsRefused()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        Host.Time.Advance(TimeSpan.FromDays(31));

        await RefusedAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(Actors.CustomerService, shipped.Id.Value, [new(1, 1, "CHANGED_MIND")]),
            ReturnErrors.WindowClosedCode, "lines[0].orderLineNumber");
    }

    [Fact]
    public async Task AReturnAboveTheAutoAuthoriseValue_IsAuthorisedBySecondPersonOnly()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 300m), (Tee, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "CHANGED_MIND"));
        Assert.Equal((ReturnStatus.Requested, true), (requested.Status, requested.Return.NeedsApproval));

        await RefusedAsync<AuthorizeReturn, ReturnCommandResult>(new AuthorizeReturn(requested.ReturnId, Actors.CustomerService), ReturnErrors.SelfApprovalCode);
        var authorized = await StepAsync(new AuthorizeReturn(requested.ReturnId, Actors.Operations));

        Assert.Equal((ReturnStatus.Authorized, Actors.Operations.Id), (authorized.Status, authorized.Return.AuthorizedBy));
    }

    [Fact]
    public async Task AReturnAKeyRequested_IsNotAuthorisedByThePersonWhoIssuedTheKey_NorByAKeyWhoseScopeOnlyImpliesTheRole()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 300m), (Tee, 1));
        // Ada issues the shop's key (granted CustomerService), and a second key whose orders:write only implies CustomerService.
        var shopKey = await KeyAsync("Shop returns", [Roles.CustomerService]);
        var impliedOnly = await KeyAsync("Order sync", []);
        var requested = Succeeded(await SendAsync<RequestReturn, ReturnCommandResult>(new RequestReturn(shopKey, shipped.Id.Value, [new(1, 1, "CHANGED_MIND")])));
        Assert.Equal((ReturnStatus.Requested, true), (requested.Status, requested.Return.NeedsApproval));

        await RefusedAsync<AuthorizeReturn, ReturnCommandResult>(new AuthorizeReturn(requested.ReturnId, Actors.Admin), ReturnErrors.SelfApprovalCode);
        await RefusedAsync<AuthorizeReturn, ReturnCommandResult>(new AuthorizeReturn(requested.ReturnId, impliedOnly), ReturnErrors.ActorNotPermittedCode);
        var authorized = await StepAsync(new AuthorizeReturn(requested.ReturnId, Actors.Operations));

        Assert.Equal((ReturnStatus.Authorized, Actors.Operations.Id), (authorized.Status, authorized.Return.AuthorizedBy));
    }

    /// <summary>An API client Ada issues with orders:write and returns:write and <paramref name="roles"/>, as the actor its key acts as.</summary>
    private async Task<Actor> KeyAsync(string name, string[] roles)
    {
        var issued = await Host.SendAsync<IssueApiClient, IssuedApiClient>(
            new IssueApiClient(Actors.Admin, name, [ApiScopes.OrdersWrite, ApiScopes.ReturnsWrite], [], roles));
        return (await Host.QueryAsync<GetApiCaller, ApiCaller>(new GetApiCaller(issued.Value.ClientId))).Value.ToActor();
    }

    [Fact]
    public async Task AReturnOfAnotherChannel_DoesNotExistForAPartnerKey()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "CHANGED_MIND"));
        var marketplace = new Actor("api-client:zalando", "Zalando", [Roles.CustomerService], ["MKT-ZALANDO"]);

        var seen = await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, marketplace));
        Assert.Equal(ReturnErrors.NotFoundCode, seen.Error.Code);
        await RefusedAsync<CancelReturn, ReturnCommandResult>(new CancelReturn(requested.ReturnId, marketplace, "not mine"), ReturnErrors.NotFoundCode);
    }
}
