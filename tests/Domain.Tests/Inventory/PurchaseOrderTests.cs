using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Tests.Builders;
using static EcomErp.Domain.Tests.Inventory.Stock;

namespace EcomErp.Domain.Tests.Inventory;

public sealed class PurchaseOrderTests
{
    private static readonly SupplierCode Supplier = SupplierCode.Of("TEXTIL-PORTO");
    private static readonly DateOnly Eta = DateOnly.FromDateTime(Clock.Now.UtcDateTime).AddDays(14);
    private static readonly ReceiptTolerance Tolerance = new(OverPercent: 10m, UnderPercent: 5m);

    private readonly InventoryBalance _tee = Balance(sku: Tee);
    private readonly InventoryBalance _hoodie = Balance(sku: Hoodie);

    private Dictionary<SkuCode, InventoryBalance> Balances => BySku(_tee, _hoodie);

    [Fact]
    public void Create_IsADraftWithItsLines_AndBooksNothing()
    {
        var order = Draft();

        Assert.Equal(PurchaseOrderStatus.Draft, order.Status);
        Assert.Equal([(1, Tee, 100, Eta), (2, Hoodie, 20, Eta)], order.Lines.Select(l => (l.LineNumber, l.Sku, l.OrderedQuantity, l.ExpectedOn)));
        Assert.IsType<PurchaseOrderCreated>(Assert.Single(order.PendingEvents));
        Assert.Equal(StockLevels.Empty, _tee.Levels);
    }

    [Fact]
    public void Create_WithoutLines_WithDuplicates_OrAPastDate_IsRefused()
    {
        ResultAssert.FailsWith(PurchaseOrder.Create(Supplier, Berlin, [], Actors.Planner, Clock.Now), InventoryErrors.NoLinesCode, "lines");
        ResultAssert.FailsWith(PurchaseOrder.Create(Supplier, Berlin, [Line(Tee, 1), Line(Tee, 2)], Actors.Planner, Clock.Now),
            InventoryErrors.DuplicateLineCode, "lines");
        ResultAssert.FailsWith(PurchaseOrder.Create(Supplier, Berlin, [new(Tee, Quantity.Of(1), Eta.AddDays(-30))], Actors.Planner, Clock.Now),
            InventoryErrors.ExpectedDateInvalidCode, "lines[0].expectedOn");
        ResultAssert.FailsWith(PurchaseOrder.Create(Supplier, Berlin, [Line(Tee, 1)], Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);
    }

    [Fact]
    public void Confirm_BooksEveryLineAsInbound()
    {
        var order = Confirmed();

        Assert.Equal(PurchaseOrderStatus.Confirmed, order.Status);
        Assert.Equal(Levels(inbound: 100), _tee.Levels);
        Assert.Equal(Levels(inbound: 20), _hoodie.Levels);
        var entry = _tee.RecordedEntries.Single();
        Assert.Equal(((StockBucket?)null, (StockBucket?)StockBucket.Inbound, ReasonCodes.PurchaseOrderConfirmed, $"PO:{order.Id}"),
            (entry.From, entry.To, entry.ReasonCode, entry.Reference));
        Assert.IsType<StockReceived>(_tee.PendingEvents.Single());
        LedgerHolds(_tee, _hoodie);
    }

    [Fact]
    public void Confirm_WithTheSuppliersDates_MovesThoseLinesETAs_AndTheEventCarriesThem()
    {
        var order = Draft();

        ResultAssert.Succeeded(order.Confirm(Balances, Actors.Planner, Clock.Now, [new ConfirmedEta(Hoodie, Eta.AddDays(9))]));

        Assert.Equal([(Tee, Eta), (Hoodie, Eta.AddDays(9))], order.Lines.Select(l => (l.Sku, l.ExpectedOn)));
        var confirmed = Assert.IsType<PurchaseOrderConfirmed>(order.PendingEvents[^1]);
        Assert.Equal([Eta, Eta.AddDays(9)], confirmed.Lines!.Select(l => l.ExpectedOn));
        Assert.Equal(Levels(inbound: 20), _hoodie.Levels);
    }

    [Fact]
    public void Confirm_WithADateInThePast_ASkuNotOnTheOrder_OrOneGivenTwice_IsRefusedBesideTheLine_AndBooksNothing()
    {
        var order = Draft();

        ResultAssert.FailsWith(order.Confirm(Balances, Actors.Planner, Clock.Now, [new(Tee, Eta), new(Hoodie, Eta.AddDays(-30))]),
            InventoryErrors.ExpectedDateInvalidCode, "lines[1].expectedOn");
        ResultAssert.FailsWith(order.Confirm(Balances, Actors.Planner, Clock.Now, [new(SkuCode.Of("NOT-ORDERED"), Eta)]),
            InventoryErrors.LineNotOnDocumentCode, "lines[0].sku");
        ResultAssert.FailsWith(order.Confirm(Balances, Actors.Planner, Clock.Now, [new(Tee, Eta), new(Tee, Eta.AddDays(1))]),
            InventoryErrors.DuplicateLineCode, "lines");

        Assert.Equal(PurchaseOrderStatus.Draft, order.Status);
        Assert.All(order.Lines, l => Assert.Equal(Eta, l.ExpectedOn));
        Assert.Equal(StockLevels.Empty, _tee.Levels);
    }

    [Fact]
    public void Confirm_Twice_IsAnIllegalTransition()
    {
        var order = Confirmed();
        ResultAssert.FailsWith(order.Confirm(Balances, Actors.Planner, Clock.Now), InventoryErrors.PurchaseOrderIllegalTransitionCode);
        Assert.Equal(Levels(inbound: 100), _tee.Levels);
    }

    [Fact]
    public void Receive_Partly_MovesInboundToAvailable_AndLeavesTheOrderPartiallyReceived()
    {
        var order = Confirmed();

        ResultAssert.Succeeded(order.Receive([new(Tee, 60)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now));

        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, order.Status);
        Assert.Equal(Levels(available: 60, inbound: 40), _tee.Levels);
        Assert.Equal((60, 40), (order.Lines[0].ReceivedQuantity, order.Lines[0].OutstandingQuantity));
        Assert.IsType<StockMoved>(_tee.PendingEvents[^1]);
        LedgerHolds(_tee, _hoodie);
    }

    [Fact]
    public void Receive_ASkuThatNeedsInspection_GoesToQualityHold()
    {
        var order = Confirmed();

        ResultAssert.Succeeded(order.Receive([new(Hoodie, 20)], Tolerance, sku => sku == Hoodie, Balances, Actors.Warehouse, Clock.Now));

        Assert.Equal(Levels(qualityHold: 20), _hoodie.Levels);
        LedgerHolds(_tee, _hoodie);
    }

    [Fact]
    public void Receive_OverWithinTolerance_BringsTheExtraInFromOutside()
    {
        var order = Confirmed();

        ResultAssert.Succeeded(order.Receive([new(Tee, 110), new(Hoodie, 20)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now));

        Assert.Equal(PurchaseOrderStatus.Received, order.Status);
        Assert.Equal(Levels(available: 110), _tee.Levels);
        Assert.Equal([ReasonCodes.PurchaseOrderConfirmed, ReasonCodes.PurchaseOrderReceived, ReasonCodes.PurchaseOrderOverReceived],
            _tee.RecordedEntries.Select(e => e.ReasonCode));
        LedgerHolds(_tee, _hoodie);
    }

    [Fact]
    public void Receive_OverBeyondTolerance_IsRefusedWithANamedErrorAndChangesNothing()
    {
        var order = Confirmed();
        ResultAssert.Succeeded(order.Receive([new(Tee, 100)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now));
        var before = (order.Version, _tee.Levels, _tee.RecordedEntries.Count, order.Lines[0].ReceivedQuantity);

        ResultAssert.FailsWith(order.Receive([new(Tee, 11)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now),
            InventoryErrors.ReceiptBeyondToleranceCode, "lines[0].quantity");

        Assert.Equal(before, (order.Version, _tee.Levels, _tee.RecordedEntries.Count, order.Lines[0].ReceivedQuantity));
    }

    [Fact]
    public void Receive_ShortWithinTolerance_CompletesTheOrderAndClosesTheRemainder()
    {
        var order = Confirmed();

        ResultAssert.Succeeded(order.Receive([new(Tee, 96), new(Hoodie, 19)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now));

        Assert.Equal(PurchaseOrderStatus.Received, order.Status);
        Assert.Equal(Levels(available: 96), _tee.Levels);
        Assert.Equal(Levels(available: 19), _hoodie.Levels);
        Assert.Equal(ReasonCodes.PurchaseOrderShortClosed, _tee.RecordedEntries[^1].ReasonCode);
        ResultAssert.FailsWith(order.Receive([new(Tee, 1)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now),
            InventoryErrors.PurchaseOrderIllegalTransitionCode);
        LedgerHolds(_tee, _hoodie);
    }

    [Fact]
    public void Receive_BadLines_AreRefusedTogether()
    {
        var order = Confirmed();
        var other = SkuCode.Of("SOCK-OS-WHT");

        var result = order.Receive([new(other, 1), new(Hoodie, 0)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now);

        ResultAssert.FailsWithAll(result, (InventoryErrors.LineNotOnDocumentCode, "lines[0].sku"), (InventoryErrors.ReceiptQuantityInvalidCode, "lines[1].quantity"));
        Assert.Equal(Levels(inbound: 20), _hoodie.Levels);
    }

    [Fact]
    public void Receive_ADraft_OrByAPlanner_IsRefused()
    {
        var draft = Draft();
        ResultAssert.FailsWith(draft.Receive([new(Tee, 1)], Tolerance, _ => false, Balances, Actors.Warehouse, Clock.Now),
            InventoryErrors.PurchaseOrderIllegalTransitionCode);
        var order = Confirmed();
        ResultAssert.FailsWith(order.Receive([new(Tee, 1)], Tolerance, _ => false, Balances, Actors.Planner, Clock.Now), CommonErrors.NotPermitted);
    }

    [Fact]
    public void Cancel_AConfirmedOrder_TakesItsInboundOut()
    {
        var order = Confirmed();

        ResultAssert.Succeeded(order.Cancel("supplier out of stock", Balances, Actors.Planner, Clock.Now));

        Assert.Equal(PurchaseOrderStatus.Cancelled, order.Status);
        Assert.Equal(StockLevels.Empty, _tee.Levels);
        Assert.IsType<StockRemoved>(_tee.PendingEvents[^1]);
        ResultAssert.FailsWith(order.Cancel("again", Balances, Actors.Planner, Clock.Now), InventoryErrors.PurchaseOrderIllegalTransitionCode);
        LedgerHolds(_tee, _hoodie);
    }

    [Fact]
    public void Cancel_WithoutAReason_IsRefused()
    {
        var order = Confirmed();
        ResultAssert.FailsWith(order.Cancel(" ", Balances, Actors.Planner, Clock.Now), InventoryErrors.ReasonRequiredCode, "reason");
        Assert.Equal(PurchaseOrderStatus.Confirmed, order.Status);
    }

    private static PurchaseOrderLineDraft Line(SkuCode sku, int quantity) => new(sku, Quantity.Of(quantity), Eta);

    private static PurchaseOrder Draft() =>
        PurchaseOrder.Create(Supplier, Berlin, [Line(Tee, 100), Line(Hoodie, 20)], Actors.Planner, Clock.Now).Value;

    private PurchaseOrder Confirmed()
    {
        var order = Draft();
        ResultAssert.Succeeded(order.Confirm(Balances, Actors.Planner, Clock.Now));
        return order;
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2030-03-05")]
    public void Create_WithAnExpectedDateMoreThanFiveYearsAhead_IsRefusedOnTheLine(string expectedOn)
    {
        var result = PurchaseOrder.Create(Supplier, Berlin, [Line(Tee, 1), new(Hoodie, Quantity.Of(1), DateOnly.Parse(expectedOn))],
            Actors.Planner, Clock.Now);

        ResultAssert.FailsWith(result, BusinessDates.OutOfRangeCode, "lines[1].expectedOn");
    }
}
