using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Tests.Builders;
using static EcomErp.Domain.Tests.Inventory.Stock;

namespace EcomErp.Domain.Tests.Inventory;

public sealed class InventoryBalanceTests
{
    private static readonly Guid OrderId = Guid.Parse("0199aaaa-0000-7000-8000-000000000001");

    public static TheoryData<StockBucket, StockBucket, string> ManualMoves() => new()
    {
        { StockBucket.Available, StockBucket.QualityHold, ReasonCodes.QualityHoldPlaced },
        { StockBucket.QualityHold, StockBucket.Available, ReasonCodes.QualityHoldReleased },
        { StockBucket.Available, StockBucket.Damaged, ReasonCodes.DamageRecorded },
        { StockBucket.QualityHold, StockBucket.Damaged, ReasonCodes.DamageRecorded },
    };

    [Theory]
    [MemberData(nameof(ManualMoves))]
    public void Move_BetweenAllowedBuckets_MovesTheUnitsWithAnEntryAndAnEvent(StockBucket from, StockBucket to, string reason)
    {
        var balance = Balance(10);
        if (from != StockBucket.Available)
            Seed(balance, from, 4);
        var fromBefore = balance.QuantityIn(from);
        var toBefore = balance.QuantityIn(to);

        ResultAssert.Succeeded(balance.Move(from, to, Quantity.Of(3), "INSPECTION-7", Actors.Warehouse, Clock.Now));

        Assert.Equal(fromBefore - 3, balance.QuantityIn(from));
        Assert.Equal(toBefore + 3, balance.QuantityIn(to));
        var entry = balance.RecordedEntries[^1];
        Assert.Equal((from, to, 3, reason, "INSPECTION-7", Actors.Warehouse.Id, balance.Version), (entry.From, entry.To, entry.Quantity, entry.ReasonCode, entry.Reference, entry.ActorId, entry.Number));
        var moved = Assert.IsType<StockMoved>(balance.PendingEvents[^1]);
        Assert.Equal((from, to, 3, balance.Levels), (moved.From, moved.To, moved.Quantity, moved.Levels));
        LedgerHolds(balance);
    }

    [Theory]
    [InlineData(StockBucket.Available, StockBucket.Reserved)]
    [InlineData(StockBucket.Available, StockBucket.InTransit)]
    [InlineData(StockBucket.Available, StockBucket.Inbound)]
    [InlineData(StockBucket.Damaged, StockBucket.Available)]
    [InlineData(StockBucket.Available, StockBucket.Available)]
    [InlineData(StockBucket.Reserved, StockBucket.Available)]
    // A return's received units leave ReturnsAwaitingInspection only through its disposition (decision 067).
    [InlineData(StockBucket.ReturnsAwaitingInspection, StockBucket.Available)]
    [InlineData(StockBucket.ReturnsAwaitingInspection, StockBucket.QualityHold)]
    [InlineData(StockBucket.ReturnsAwaitingInspection, StockBucket.Damaged)]
    public void Move_OutsideTheManualMoves_IsRefusedAndChangesNothing(StockBucket from, StockBucket to)
    {
        var balance = Balance(10);
        if (from == StockBucket.ReturnsAwaitingInspection)
            Seed(balance, from, 4);
        var before = (balance.Levels, balance.Version, balance.RecordedEntries.Count);

        ResultAssert.FailsWith(balance.Move(from, to, Quantity.Of(1), null, Actors.Warehouse, Clock.Now), InventoryErrors.MoveNotAllowedCode, "to");

        Assert.Equal(before, (balance.Levels, balance.Version, balance.RecordedEntries.Count));
    }

    [Fact]
    public void Move_MoreThanTheBucketHolds_IsInsufficientStockAndChangesNothing()
    {
        var balance = Balance(2);

        ResultAssert.FailsWith(balance.Move(StockBucket.Available, StockBucket.Damaged, Quantity.Of(3), null, Actors.Warehouse, Clock.Now),
            InventoryErrors.InsufficientStockCode, "quantity");

        Assert.Equal(Levels(available: 2), balance.Levels);
        Assert.Single(balance.RecordedEntries);
    }

    [Fact]
    public void Move_ByAnActorWithoutTheWarehouseRole_IsNotPermitted()
    {
        var balance = Balance(5);
        ResultAssert.FailsWith(balance.Move(StockBucket.Available, StockBucket.Damaged, Quantity.Of(1), null, Actors.CustomerService, Clock.Now),
            CommonErrors.NotPermitted);
        Assert.Equal(Levels(available: 5), balance.Levels);
    }

    [Fact]
    public void Reserve_ThenRelease_ThenConsume_MovesAvailableToReservedAndOut()
    {
        var balance = Balance(10);

        ResultAssert.Succeeded(balance.Reserve(Quantity.Of(6), OrderId, Actors.System, Clock.Now));
        Assert.Equal(Levels(available: 4, reserved: 6), balance.Levels);
        Assert.IsType<StockReserved>(balance.PendingEvents[^1]);

        ResultAssert.Succeeded(balance.ReleaseReservation(Quantity.Of(2), OrderId, Actors.System, Clock.Now));
        Assert.Equal(Levels(available: 6, reserved: 4), balance.Levels);
        Assert.IsType<StockReservationReleased>(balance.PendingEvents[^1]);

        ResultAssert.Succeeded(balance.ConsumeReservation(Quantity.Of(4), OrderId, Actors.System, Clock.Now));
        Assert.Equal(Levels(available: 6), balance.Levels);
        var shipped = Assert.IsType<ReservedStockShipped>(balance.PendingEvents[^1]);
        Assert.Equal((StockBucket.Reserved, (StockBucket?)null, InventoryBalance.OrderReference(OrderId)), (shipped.From, shipped.To, shipped.Reference));
        Assert.All(balance.RecordedEntries.Skip(1), e => Assert.Equal(InventoryBalance.OrderReference(OrderId), e.Reference));
        LedgerHolds(balance);
    }

    [Fact]
    public void Reserve_MoreThanAvailable_IsInsufficientStock()
    {
        var balance = Balance(3);
        ResultAssert.Succeeded(balance.Reserve(Quantity.Of(2), OrderId, Actors.System, Clock.Now));

        ResultAssert.FailsWith(balance.Reserve(Quantity.Of(2), OrderId, Actors.System, Clock.Now), InventoryErrors.InsufficientStockCode);
        ResultAssert.FailsWith(balance.ReleaseReservation(Quantity.Of(3), OrderId, Actors.System, Clock.Now), InventoryErrors.InsufficientStockCode);
        ResultAssert.FailsWith(balance.ConsumeReservation(Quantity.Of(3), OrderId, Actors.System, Clock.Now), InventoryErrors.InsufficientStockCode);

        Assert.Equal(Levels(available: 1, reserved: 2), balance.Levels);
        LedgerHolds(balance);
    }

    [Fact]
    public void OrderMoves_CarryTheOrdersChannel_AndAShortPickLeavesTheLedgerFromReserved()
    {
        var balance = Balance(10);
        var web = ChannelCode.Of("WEB");

        ResultAssert.Succeeded(balance.Reserve(Quantity.Of(5), OrderId, Actors.System, Clock.Now, web));
        ResultAssert.Succeeded(balance.WriteOffShortPick(Quantity.Of(2), OrderId, Actors.Warehouse, Clock.Now, web));

        Assert.Equal(Levels(available: 5, reserved: 3), balance.Levels);
        var shortPick = Assert.IsType<StockRemoved>(balance.PendingEvents[^1]);
        Assert.Equal((ReasonCodes.ShortPick, "WEB", StockBucket.Reserved, (StockBucket?)null), (shortPick.ReasonCode, shortPick.Channel, shortPick.From, shortPick.To));
        Assert.Equal("WEB", Assert.IsType<StockReserved>(balance.PendingEvents[^2]).Channel);
        LedgerHolds(balance);
    }

    [Fact]
    public void OrderMoves_AreMadeByTheRoleThatOwnsTheirStep()
    {
        var balance = Balance(10);
        ResultAssert.Succeeded(balance.Reserve(Quantity.Of(6), OrderId, Actors.Operations, Clock.Now));

        ResultAssert.Succeeded(balance.ReleaseReservation(Quantity.Of(1), OrderId, Actors.CustomerService, Clock.Now));
        ResultAssert.Succeeded(balance.ReleaseReservation(Quantity.Of(1), OrderId, Actors.Warehouse, Clock.Now));
        ResultAssert.Succeeded(balance.ConsumeReservation(Quantity.Of(1), OrderId, Actors.Warehouse, Clock.Now));
        ResultAssert.FailsWith(balance.ConsumeReservation(Quantity.Of(1), OrderId, Actors.CustomerService, Clock.Now), CommonErrors.NotPermitted);
        ResultAssert.FailsWith(balance.WriteOffShortPick(Quantity.Of(1), OrderId, Actors.Finance, Clock.Now), CommonErrors.NotPermitted);
        ResultAssert.FailsWith(balance.ReleaseReservation(Quantity.Of(1), OrderId, Actors.Finance, Clock.Now), CommonErrors.NotPermitted);

        Assert.Equal(Levels(available: 6, reserved: 3), balance.Levels);
        LedgerHolds(balance);
    }

    [Fact]
    public void Reserve_WithoutAnOrder_OrByAWarehouseClerk_IsRefused()
    {
        var balance = Balance(3);
        ResultAssert.FailsWith(balance.Reserve(Quantity.Of(1), Guid.Empty, Actors.System, Clock.Now), InventoryErrors.ReferenceInvalidCode, "orderId");
        ResultAssert.FailsWith(balance.Reserve(Quantity.Of(1), OrderId, Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);
        Assert.Equal(Levels(available: 3), balance.Levels);
    }

    [Fact]
    public void SetSafetyStock_IsAValueBesideTheBuckets_WithAnEventButNoEntry()
    {
        var balance = Balance(5);

        ResultAssert.Succeeded(balance.SetSafetyStock(8, Actors.Planner, Clock.Now));

        Assert.Equal(8, balance.SafetyStock);
        Assert.Equal(Levels(available: 5), balance.Levels);
        Assert.Single(balance.RecordedEntries);
        Assert.Equal(new SafetyStockSet("TEE-M-BLK", "WH-BERLIN", 8, Actors.Planner.Id, Clock.Now), balance.PendingEvents[^1]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Quantity.Max + 1)]
    public void SetSafetyStock_OutOfRange_IsRefused(int quantity)
    {
        var balance = Balance();
        ResultAssert.FailsWith(balance.SetSafetyStock(quantity, Actors.Planner, Clock.Now), InventoryErrors.SafetyStockInvalidCode, "safetyStock");
        ResultAssert.FailsWith(balance.SetSafetyStock(1, Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);
        Assert.Equal((0, 0), (balance.SafetyStock, balance.Version));
    }

    [Fact]
    public void LedgerVerification_FindsABucketThatDiffersFromItsEntries()
    {
        var balance = Balance(5);
        var totals = LedgerVerification.Totals(balance.RecordedEntries).Select(t => t with { Net = t.Net - 1 });

        var mismatch = Assert.Single(LedgerVerification.FindMismatches([(balance.Sku, balance.Location, balance.Levels)], totals));

        Assert.Equal(new LedgerMismatch("TEE-M-BLK", "WH-BERLIN", StockBucket.Available, 5, 4), mismatch);
    }

    [Fact]
    public void LedgerVerification_ReportsEntriesOfABalanceThatDoesNotExist()
    {
        var balance = Balance(5);
        var mismatch = Assert.Single(LedgerVerification.FindMismatches([], LedgerVerification.Totals(balance.RecordedEntries)));
        Assert.Equal(new LedgerMismatch("TEE-M-BLK", "WH-BERLIN", StockBucket.Available, 0, 5), mismatch);
    }

    /// <summary>Puts units into a bucket the way its flow would: returns and transfers come in from outside.</summary>
    private static void Seed(InventoryBalance balance, StockBucket bucket, int quantity)
    {
        if (bucket == StockBucket.ReturnsAwaitingInspection)
            ResultAssert.Succeeded(balance.Post(null, bucket, quantity, "RETURN_RECEIVED", "RMA-1", Actors.Warehouse, Clock.Now));
        else
            ResultAssert.Succeeded(balance.Move(StockBucket.Available, bucket, Quantity.Of(quantity), null, Actors.Warehouse, Clock.Now));
    }

    [Theory]
    [InlineData(StockBucket.Available)]
    [InlineData(StockBucket.QualityHold)]
    [InlineData(StockBucket.Damaged)]
    public void ReceiveOpeningStock_IntoAnEmptyBalance_ReceivesWithTheOpeningBalanceReasonAndTheImportAsReference(StockBucket bucket)
    {
        var balance = InventoryBalance.Open(Tee, Berlin);

        ResultAssert.Succeeded(balance.ReceiveOpeningStock(Quantity.Of(12), bucket, "IMPORT:abc", Actors.Planner, Clock.Now));

        Assert.Equal(12, balance.QuantityIn(bucket));
        var entry = Assert.Single(balance.RecordedEntries);
        Assert.Equal(((StockBucket?)null, (StockBucket?)bucket, 12, ReasonCodes.OpeningBalance, "IMPORT:abc"),
            (entry.From, entry.To, entry.Quantity, entry.ReasonCode, entry.Reference));
        Assert.IsType<StockReceived>(Assert.Single(balance.PendingEvents));
    }

    [Fact]
    public void ReceiveOpeningStock_WhereStockIsAlreadyHeld_OrIntoAFlowsBucket_OrByAClerk_IsRefusedAndChangesNothing()
    {
        var held = Balance(3);
        var events = held.PendingEvents.Count;
        var empty = InventoryBalance.Open(Tee, Berlin);

        ResultAssert.FailsWith(held.ReceiveOpeningStock(Quantity.Of(5), StockBucket.Available, "IMPORT:abc", Actors.Planner, Clock.Now),
            InventoryErrors.OpeningStockRefusedCode, "quantity");
        ResultAssert.FailsWith(empty.ReceiveOpeningStock(Quantity.Of(5), StockBucket.Reserved, "IMPORT:abc", Actors.Planner, Clock.Now),
            InventoryErrors.OpeningStockRefusedCode, "bucket");
        ResultAssert.FailsWith(empty.ReceiveOpeningStock(Quantity.Of(5), StockBucket.Available, "IMPORT:abc", Actors.Warehouse, Clock.Now),
            CommonErrors.NotPermitted);

        Assert.Equal((3, events), (held.Available, held.PendingEvents.Count));
        Assert.Equal((StockLevels.Empty, 0), (empty.Levels, empty.PendingEvents.Count));
    }
}
