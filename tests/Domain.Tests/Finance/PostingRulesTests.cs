using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Returns;

namespace EcomErp.Domain.Tests.Finance;

public sealed class PostingRulesTests
{
    private static readonly Currency Eur = Currency.Of("EUR");
    private static readonly Money UnitCost = new(1_250, Eur);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly JournalSource Source = new("InventoryBalance", "TEE-CREW-M-BLK/WH-BERLIN", 7, PostingRules.StockMove);

    /// <summary>The event a balance raises for the move (the concrete type as InventoryBalance.Post picks it).</summary>
    private static StockLedgerEvent Move(StockBucket? from, StockBucket? to, string reason, int quantity = 4) => ((StockLedgerEvent)((from, to) switch
    {
        (null, _) => new StockReceived(),
        (_, null) => new StockRemoved(),
        _ => new StockMoved(),
    })) with
    {
        Sku = "TEE-CREW-M-BLK", Location = "WH-BERLIN", From = from, To = to, Quantity = quantity, ReasonCode = reason, Reference = "REF-1",
        OccurredAt = At,
    };

    [Fact]
    public void EveryReasonCode_EitherPostsAgainstOneAccount_OrNeverCrossesTheValuedBuckets()
    {
        var unclassified = ReasonCodes.All.Where(code => !PostingRules.CounterAccounts.ContainsKey(code) && !PostingRules.NeverPosted.Contains(code)).ToList();
        var both = ReasonCodes.All.Where(code => PostingRules.CounterAccounts.ContainsKey(code) && PostingRules.NeverPosted.Contains(code)).ToList();

        Assert.True(unclassified.Count == 0, $"Reason codes without a posting rule: {string.Join(", ", unclassified)}");
        Assert.True(both.Count == 0, $"Reason codes both posted and never posted: {string.Join(", ", both)}");
        Assert.All(PostingRules.CounterAccounts.Values, account => Assert.Contains(ChartOfAccounts.All, a => a.Code == account));
    }

    [Fact]
    public void ValuedBuckets_AreEveryBucketButInbound()
    {
        var levels = new StockLevels(1, 2, 4, 8, 16, 32, 64);

        Assert.Equal(63, PostingRules.ValuedUnits(levels));
        Assert.All(Enum.GetValues<StockBucket>(), b => Assert.Equal(b != StockBucket.Inbound, PostingRules.IsValued(b)));
    }

    // Each (from, to, reason) a flow of InventoryBalance, PurchaseOrder, Transfer, StockAdjustment or the returns flow books.
    [Theory]
    [InlineData(StockBucket.Inbound, StockBucket.Available, ReasonCodes.PurchaseOrderReceived, ChartOfAccounts.Inventory, ChartOfAccounts.GoodsReceivedNotInvoiced)]
    [InlineData(StockBucket.Inbound, StockBucket.QualityHold, ReasonCodes.PurchaseOrderReceived, ChartOfAccounts.Inventory, ChartOfAccounts.GoodsReceivedNotInvoiced)]
    [InlineData(null, StockBucket.Available, ReasonCodes.PurchaseOrderOverReceived, ChartOfAccounts.Inventory, ChartOfAccounts.GoodsReceivedNotInvoiced)]
    [InlineData(null, StockBucket.Available, ReasonCodes.OpeningBalance, ChartOfAccounts.Inventory, ChartOfAccounts.OpeningBalanceEquity)]
    [InlineData(null, StockBucket.Available, ReasonCodes.Found, ChartOfAccounts.Inventory, ChartOfAccounts.InventoryAdjustments)]
    [InlineData(null, StockBucket.Available, ReasonCodes.CountCorrection, ChartOfAccounts.Inventory, ChartOfAccounts.InventoryAdjustments)]
    [InlineData(StockBucket.Available, null, ReasonCodes.CountCorrection, ChartOfAccounts.InventoryAdjustments, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Available, null, ReasonCodes.Lost, ChartOfAccounts.InventoryAdjustments, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Available, null, ReasonCodes.Theft, ChartOfAccounts.InventoryAdjustments, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Reserved, null, ReasonCodes.ShortPick, ChartOfAccounts.InventoryAdjustments, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Reserved, null, ReasonCodes.Shipment, ChartOfAccounts.CostOfGoodsSold, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Available, null, ReasonCodes.WrittenOffDamaged, ChartOfAccounts.InventoryWriteOff, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.InTransit, null, ReasonCodes.TransferDiscrepancy, ChartOfAccounts.InventoryWriteOff, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Available, null, ReasonCodes.TransferShipped, ChartOfAccounts.TransfersClearing, ChartOfAccounts.Inventory)]
    [InlineData(null, StockBucket.InTransit, ReasonCodes.TransferShipped, ChartOfAccounts.Inventory, ChartOfAccounts.TransfersClearing)]
    [InlineData(null, StockBucket.ReturnsAwaitingInspection, ReasonCodes.ReturnReceived, ChartOfAccounts.Inventory, ChartOfAccounts.CostOfGoodsSold)]
    [InlineData(StockBucket.Damaged, null, ReasonCodes.ReturnWrittenOff, ChartOfAccounts.InventoryWriteOff, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.ReturnsAwaitingInspection, null, ReasonCodes.ReturnToVendor, ChartOfAccounts.SupplierReturnsReceivable, ChartOfAccounts.Inventory)]
    [InlineData(StockBucket.Damaged, null, ReasonCodes.ReturnToVendor, ChartOfAccounts.SupplierReturnsReceivable, ChartOfAccounts.Inventory)]
    public void AMoveAcrossTheValuedBuckets_PostsQuantityTimesUnitCost_ByItsReason(StockBucket? from, StockBucket? to, string reason, string debit, string credit)
    {
        var entry = PostingRules.ForStockMove(Move(from, to, reason), UnitCost, Source);

        Assert.NotNull(entry);
        Assert.Equal(Source, entry.Source);
        Assert.Equal([(debit, 5_000L, 0L), (credit, 0L, 5_000L)], entry.Lines.Select(l => (l.Account, l.DebitMinor, l.CreditMinor)));
        Assert.All(entry.Lines, l => Assert.Equal(("TEE-CREW-M-BLK", "WH-BERLIN", "REF-1", Eur), (l.Sku, l.Location, l.Reference, l.Currency)));
    }

    [Theory]
    [InlineData(StockBucket.Available, StockBucket.Reserved, ReasonCodes.Reservation)]
    [InlineData(StockBucket.Reserved, StockBucket.Available, ReasonCodes.ReservationReleased)]
    [InlineData(StockBucket.Available, StockBucket.QualityHold, ReasonCodes.QualityHoldPlaced)]
    [InlineData(StockBucket.InTransit, StockBucket.Available, ReasonCodes.TransferReceived)]
    [InlineData(StockBucket.ReturnsAwaitingInspection, StockBucket.Available, ReasonCodes.ReturnRestocked)]
    [InlineData(StockBucket.ReturnsAwaitingInspection, StockBucket.Damaged, ReasonCodes.ReturnDamaged)]
    [InlineData(null, StockBucket.Inbound, ReasonCodes.PurchaseOrderConfirmed)]
    [InlineData(StockBucket.Inbound, null, ReasonCodes.PurchaseOrderShortClosed)]
    [InlineData(StockBucket.Inbound, null, ReasonCodes.PurchaseOrderCancelled)]
    public void AMoveThatStaysOnOneSideOfTheValuedBuckets_PostsNothing(StockBucket? from, StockBucket? to, string reason) =>
        Assert.Null(PostingRules.ForStockMove(Move(from, to, reason), UnitCost, Source));

    [Fact]
    public void AMoveOfStockThatCostsNothing_PostsNothing() =>
        Assert.Null(PostingRules.ForStockMove(Move(null, StockBucket.Available, ReasonCodes.Found), Money.Zero(Eur), Source));

    [Fact]
    public void AMoveAcrossTheValuedBuckets_WithAReasonNoRuleKnows_FailsLoudly() =>
        Assert.Throws<InvalidOperationException>(() => PostingRules.ForStockMove(Move(null, StockBucket.Available, "MADE_UP"), UnitCost, Source));

    [Fact]
    public void AJournalEntry_ThatDoesNotBalanceInEveryCurrency_CannotBeBuilt()
    {
        var gbp = Currency.Of("GBP");

        Assert.Throws<ArgumentException>(() => JournalEntry.Post(Source, "unbalanced",
            [JournalLine.Debit(ChartOfAccounts.Inventory, new Money(100, Eur)), JournalLine.Credit(ChartOfAccounts.Revenue, new Money(99, Eur))], At));
        Assert.Throws<ArgumentException>(() => JournalEntry.Post(Source, "balanced in sum, not per currency",
            [JournalLine.Debit(ChartOfAccounts.Inventory, new Money(100, Eur)), JournalLine.Credit(ChartOfAccounts.Revenue, new Money(100, gbp))], At));
        Assert.Throws<ArgumentException>(() => JournalEntry.Post(Source, "nothing", [], At));
        var twoCurrencies = JournalEntry.Post(Source, "balanced per currency",
        [
            JournalLine.Debit(ChartOfAccounts.Inventory, new Money(100, Eur)), JournalLine.Credit(ChartOfAccounts.Revenue, new Money(100, Eur)),
            JournalLine.Debit(ChartOfAccounts.Inventory, new Money(7, gbp)), JournalLine.Credit(ChartOfAccounts.Revenue, new Money(7, gbp)),
        ], At);
        Assert.Equal([1, 2, 3, 4], twoCurrencies.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void ARefund_IssuesTheCreditNote_AndPostsSalesReturnsPerLineAgainstTheRefundAndItsFees()
    {
        var refunded = Refund(restockingFee: 300, shippingFee: 450, total: 2 * 2_500 + 1_000 - 750);

        var (document, entry) = PostingRules.ForRefund(refunded, new JournalSource("Return", refunded.ReturnId.ToString(), 9, PostingRules.CreditNote));

        Assert.Equal((FinanceDocumentKind.CreditNote, "CN-2026-000001", "RMA-2026-000042", 5_250L), (document.Kind, document.Number, document.RmaNumber, document.TotalMinor));
        Assert.Equal([(1, "TEE-CREW-M-BLK", 2, 5_000L), (2, "POLO-PIQUE-M-NVY", 1, 1_000L)],
            document.Lines.Select(l => (l.OrderLineNumber, l.Sku, l.Quantity, l.AmountMinor)));
        Assert.NotNull(entry);
        Assert.Equal(
            [
                (ChartOfAccounts.SalesReturns, 5_000L, 0L), (ChartOfAccounts.SalesReturns, 1_000L, 0L), (ChartOfAccounts.RefundsPayable, 0L, 5_250L),
                (ChartOfAccounts.RestockingFeeIncome, 0L, 300L), (ChartOfAccounts.ReturnShippingIncome, 0L, 450L),
            ],
            entry.Lines.Select(l => (l.Account, l.DebitMinor, l.CreditMinor)));
    }

    [Fact]
    public void ARefundWhoseFeesExceedItsLines_EarnsOnlyWhatTheLinesGiveBack_RestockingFirst()
    {
        var refunded = Refund(restockingFee: 5_500, shippingFee: 900, total: 0);

        var (_, entry) = PostingRules.ForRefund(refunded, new JournalSource("Return", refunded.ReturnId.ToString(), 9, PostingRules.CreditNote));

        Assert.NotNull(entry);
        Assert.Equal([(ChartOfAccounts.RestockingFeeIncome, 5_500L), (ChartOfAccounts.ReturnShippingIncome, 500L)],
            entry.Lines.Where(l => l.CreditMinor > 0).Select(l => (l.Account, l.CreditMinor)));
    }

    [Theory]
    [InlineData(1_250, 1_400, 10, ChartOfAccounts.Inventory, ChartOfAccounts.InventoryRevaluation, 1_500)]
    [InlineData(1_250, 1_000, 10, ChartOfAccounts.InventoryRevaluation, ChartOfAccounts.Inventory, 2_500)]
    public void ACostChange_RevaluesTheUnitsInValuedBucketsByTheDifference(long from, long to, int units, string debit, string credit, long value)
    {
        var entry = PostingRules.ForCostChange("TEE-CREW-M-BLK", new Money(from, Eur), new Money(to, Eur), units,
            new JournalSource("Sku", "TEE-CREW-M-BLK", 3, PostingRules.CostRevaluation), At);

        Assert.NotNull(entry);
        Assert.Equal([(debit, value, 0L), (credit, 0L, value)], entry.Lines.Select(l => (l.Account, l.DebitMinor, l.CreditMinor)));
    }

    [Fact]
    public void ACostChange_OfASkuWithNoValuedStock_PostsNothing() =>
        Assert.Null(PostingRules.ForCostChange("TEE-CREW-M-BLK", new Money(1_250, Eur), new Money(1_400, Eur), 0,
            new JournalSource("Sku", "TEE-CREW-M-BLK", 3, PostingRules.CostRevaluation), At));

    private static ReturnRefunded Refund(long restockingFee, long shippingFee, long total) => new(
        Guid.CreateVersion7(), "RMA-2026-000042", Guid.CreateVersion7(), "WEB", "CN-2026-000001", "EUR",
        [new RefundedReturnLine(1, "TEE-CREW-M-BLK", 2, 2_500, 5_000), new RefundedReturnLine(2, "POLO-PIQUE-M-NVY", 1, 1_000, 1_000)],
        restockingFee, shippingFee, total, "user:fay", At);
}
