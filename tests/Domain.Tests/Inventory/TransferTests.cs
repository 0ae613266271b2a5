using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Tests.Builders;
using static EcomErp.Domain.Tests.Inventory.Stock;

namespace EcomErp.Domain.Tests.Inventory;

public sealed class TransferTests
{
    private readonly InventoryBalance _source = Balance(10, Tee, Berlin);
    private readonly InventoryBalance _destination = Balance(0, Tee, Leeds);

    [Fact]
    public void Ship_TakesAvailableAtTheSource_AndBooksItInTransitAtTheDestination()
    {
        var transfer = Ship(4);

        Assert.Equal(TransferStatus.InTransit, transfer.Status);
        Assert.Equal(Levels(available: 6), _source.Levels);
        Assert.Equal(Levels(inTransit: 4), _destination.Levels);
        Assert.IsType<StockRemoved>(_source.PendingEvents[^1]);
        Assert.IsType<StockReceived>(_destination.PendingEvents[^1]);
        Assert.IsType<TransferShipped>(Assert.Single(transfer.PendingEvents));
        Assert.All(_destination.RecordedEntries, e => Assert.Equal($"TR:{transfer.Id}", e.Reference));
        LedgerHolds(_source, _destination);
    }

    [Fact]
    public void Ship_MoreThanAvailable_IsInsufficientStockAndChangesNothing()
    {
        var result = Transfer.Ship(Berlin, Leeds, [new(Tee, Quantity.Of(11))], BySku(_source), BySku(_destination), Actors.Warehouse, Clock.Now);

        ResultAssert.FailsWith(result, InventoryErrors.InsufficientStockCode, "lines[0].quantity");
        Assert.Equal(Levels(available: 10), _source.Levels);
        Assert.Equal(StockLevels.Empty, _destination.Levels);
    }

    [Fact]
    public void Ship_ToTheSameLocation_OrWithoutLines_IsRefused()
    {
        ResultAssert.FailsWith(Transfer.Ship(Berlin, Berlin, [new(Tee, Quantity.Of(1))], BySku(_source), BySku(_source), Actors.Warehouse, Clock.Now),
            InventoryErrors.SameLocationCode, "toLocation");
        ResultAssert.FailsWith(Transfer.Ship(Berlin, Leeds, [], BySku(_source), BySku(_destination), Actors.Warehouse, Clock.Now),
            InventoryErrors.NoLinesCode);
        ResultAssert.FailsWith(Transfer.Ship(Berlin, Leeds, [new(Tee, Quantity.Of(1))], BySku(_source), BySku(_destination), Actors.Planner, Clock.Now),
            CommonErrors.NotPermitted);
        Assert.Equal(Levels(available: 10), _source.Levels);
    }

    [Fact]
    public void Receive_InFull_MovesInTransitToAvailable()
    {
        var transfer = Ship(4);

        ResultAssert.Succeeded(transfer.Receive([new(Tee, 4)], BySku(_destination), Actors.Warehouse, Clock.Now));

        Assert.Equal((TransferStatus.Received, false), (transfer.Status, transfer.HasDiscrepancy));
        Assert.Equal(Levels(available: 4), _destination.Levels);
        LedgerHolds(_source, _destination);
    }

    [Fact]
    public void Receive_Partly_WritesTheRestOffAsADiscrepancy()
    {
        var transfer = Ship(4);

        ResultAssert.Succeeded(transfer.Receive([new(Tee, 3)], BySku(_destination), Actors.Warehouse, Clock.Now));

        Assert.True(transfer.HasDiscrepancy);
        Assert.Equal((3, 1), (transfer.Lines[0].ReceivedQuantity, transfer.Lines[0].DiscrepancyQuantity));
        Assert.Equal(Levels(available: 3), _destination.Levels);
        Assert.Equal(ReasonCodes.TransferDiscrepancy, _destination.RecordedEntries[^1].ReasonCode);
        LedgerHolds(_source, _destination);
    }

    [Fact]
    public void Receive_MoreThanShipped_Twice_OrAnotherSku_IsRefused()
    {
        var transfer = Ship(4);
        ResultAssert.FailsWith(transfer.Receive([new(Tee, 5)], BySku(_destination), Actors.Warehouse, Clock.Now),
            InventoryErrors.ReceiptQuantityInvalidCode, "lines[0].quantity");
        ResultAssert.FailsWith(transfer.Receive([new(Hoodie, 1)], BySku(_destination), Actors.Warehouse, Clock.Now),
            InventoryErrors.LineNotOnDocumentCode, "lines[0].sku");
        Assert.Equal(Levels(inTransit: 4), _destination.Levels);

        ResultAssert.Succeeded(transfer.Receive([new(Tee, 4)], BySku(_destination), Actors.Warehouse, Clock.Now));
        ResultAssert.FailsWith(transfer.Receive([new(Tee, 4)], BySku(_destination), Actors.Warehouse, Clock.Now), InventoryErrors.TransferAlreadyReceivedCode);
    }

    private Transfer Ship(int quantity) =>
        Transfer.Ship(Berlin, Leeds, [new(Tee, Quantity.Of(quantity))], BySku(_source), BySku(_destination), Actors.Warehouse, Clock.Now).Value;
}
