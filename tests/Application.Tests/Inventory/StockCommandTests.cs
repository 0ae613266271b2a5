using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ApproveAdjustment;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Application.Inventory.ReserveStock;
using EcomErp.Application.Inventory.SetSafetyStock;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Tests.Inventory;

public sealed class StockCommandTests : InventoryScenario
{
    [Fact]
    public async Task ShipAndReceiveTransfer_Partly_MovesStockThroughInTransitAndWritesOffTheRest()
    {
        var (sku, from) = await StockedAsync(10);
        var to = from == "WH-LEEDS" ? "WH-BERLIN" : "WH-LEEDS";
        var destinationBefore = await BalanceAsync(sku, to);

        var shipped = Succeeded(await SendAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 6)])));
        Assert.Equal(4, (await BalanceAsync(sku, from)).Available);
        Assert.Equal(destinationBefore.InTransit + 6, (await BalanceAsync(sku, to)).InTransit);

        var received = Succeeded(await SendAsync<ReceiveTransfer, TransferView>(new ReceiveTransfer(OtherWarehouse, shipped.TransferId, [new ArrivedLine(sku, 5)])));

        Assert.Equal((TransferStatus.Received, true, 1), (received.Status, received.HasDiscrepancy, received.Lines[0].DiscrepancyQuantity));
        var destination = await BalanceAsync(sku, to);
        Assert.Equal((destinationBefore.Available + 5, destinationBefore.InTransit), (destination.Available, destination.InTransit));
        Assert.Equal(ReasonCodes.TransferDiscrepancy, (await EntriesAsync(sku, to))[^1].ReasonCode);
    }

    [Fact]
    public async Task Transfers_WithBadInput_GetNamedErrorsAndChangeNothing()
    {
        var (sku, from) = await StockedAsync(3);
        var to = from == "WH-LEEDS" ? "WH-BERLIN" : "WH-LEEDS";

        await RefusedAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 4)]),
            InventoryErrors.InsufficientStockCode, "lines[0].quantity");
        await RefusedAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, "WH-ATLANTIS", [new TransferLineInput(sku, 1)]),
            InventoryErrors.UnknownLocationCode, "toLocation");
        await RefusedAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, from, [new TransferLineInput(sku, 1)]),
            InventoryErrors.SameLocationCode, "toLocation");
        await RefusedAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 0)]),
            "QUANTITY_NOT_POSITIVE", "lines[0].quantity");
        var shipped = Succeeded(await SendAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 2)])));
        await RefusedAsync<ReceiveTransfer, TransferView>(new ReceiveTransfer(Actors.Warehouse, shipped.TransferId, [new ArrivedLine(sku, 3)]),
            InventoryErrors.ReceiptQuantityInvalidCode, "lines[0].quantity");
        await RefusedAsync<ReceiveTransfer, TransferView>(new ReceiveTransfer(Actors.Warehouse, Guid.CreateVersion7(), []),
            InventoryErrors.TransferNotFoundCode, "transferId");
    }

    [Fact]
    public async Task MoveStock_DamageThenReleaseAQualityHold_MovesBetweenBuckets()
    {
        var (sku, location) = await StockedAsync(10);

        Succeeded(await SendAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, StockBucket.Available, StockBucket.QualityHold, 4)));
        Succeeded(await SendAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, StockBucket.Available, StockBucket.Damaged, 1, "DMG-17")));
        var released = Succeeded(await SendAsync<MoveStock, BalanceView>(
            new MoveStock(Actors.Warehouse, sku, location, StockBucket.QualityHold, StockBucket.Available, 3)));

        Assert.Equal((8, 1, 1), (released.Levels.Available, released.Levels.QualityHold, released.Levels.Damaged));
        Assert.Equal([ReasonCodes.Found, ReasonCodes.QualityHoldPlaced, ReasonCodes.DamageRecorded, ReasonCodes.QualityHoldReleased],
            (await EntriesAsync(sku, location)).Select(e => e.ReasonCode));
    }

    [Fact]
    public async Task MoveStock_WithBadInput_GetsNamedErrorsAndChangesNothing()
    {
        var (sku, location) = await StockedAsync(2);

        await RefusedAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, StockBucket.Available, StockBucket.Damaged, 3),
            InventoryErrors.InsufficientStockCode, "quantity");
        await RefusedAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, StockBucket.Available, StockBucket.Reserved, 1),
            InventoryErrors.MoveNotAllowedCode, "to");
        await RefusedAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, "NOPE-1", location, StockBucket.Available, StockBucket.Damaged, 1),
            InventoryErrors.UnknownSkuCode, "sku");
        await RefusedAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, StockBucket.Available, StockBucket.Damaged, -1),
            "QUANTITY_NOT_POSITIVE", "quantity");
        await RefusedAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, (StockBucket)42, StockBucket.Damaged, 1),
            CommonErrors.ValidationFailed, "from");
    }

    [Fact]
    public async Task AdjustStock_AboveTheThreshold_WaitsForASecondPerson()
    {
        var (sku, location) = await EmptyBalanceAsync();

        var pending = Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, 80, "found", "pallet behind dock 3")));
        Assert.Equal((AdjustmentStatus.PendingApproval, ReasonCodes.Found), (pending.Status, pending.ReasonCode));
        Assert.Equal(0, (await BalanceAsync(sku, location)).Available);

        var requester = new Actor(Actors.Warehouse.Id, Actors.Warehouse.Name, [Roles.WarehouseManager, Roles.OperationsManager]);
        await RefusedAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(requester, pending.AdjustmentId), InventoryErrors.SelfApprovalCode);
        await RefusedAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(Actors.Operations, Guid.CreateVersion7()),
            InventoryErrors.AdjustmentNotFoundCode, "adjustmentId");

        var approved = Succeeded(await SendAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(Actors.Operations, pending.AdjustmentId)));

        Assert.Equal((AdjustmentStatus.Applied, Actors.Operations.Id), (approved.Status, approved.ApprovedBy));
        Assert.Equal(80, (await BalanceAsync(sku, location)).Available);
        await RefusedAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(Actors.Admin, pending.AdjustmentId), InventoryErrors.AdjustmentNotPendingCode);
    }

    [Fact]
    public async Task AdjustStock_ALossAboveTheThreshold_OfMoreThanTheLocationHolds_IsRefusedWhenRequested_AndQueuesNothingForApproval()
    {
        var (empty, location) = await EmptyBalanceAsync();
        var (stocked, stockedAt) = await StockedAsync(5, skip: 1);

        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, empty, location, -1000, ReasonCodes.Lost),
            InventoryErrors.InsufficientStockCode, "quantityChange");
        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, stocked, stockedAt, -51, ReasonCodes.Lost),
            InventoryErrors.InsufficientStockCode, "quantityChange");
    }

    [Fact]
    public async Task AdjustStock_WithBadInput_GetsNamedErrorsAndChangesNothing()
    {
        var (sku, location) = await StockedAsync(5);

        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, -3, ""), InventoryErrors.ReasonRequiredCode, "reasonCode");
        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, -3, "MISC"), InventoryErrors.ReasonUnknownCode, "reasonCode");
        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, 0, ReasonCodes.Found), InventoryErrors.AdjustmentZeroCode);
        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, -6, ReasonCodes.Lost), InventoryErrors.InsufficientStockCode);
        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, "WH-NOWHERE", 1, ReasonCodes.Found),
            InventoryErrors.UnknownLocationCode, "location");
        await RefusedAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.CustomerService, sku, location, 1, ReasonCodes.Found), CommonErrors.NotPermitted);
    }

    [Fact]
    public async Task RecordCycleCount_WithADifference_CorrectsAvailable_AndAMatchingCountAdjustsNothing()
    {
        var (sku, location) = await StockedAsync(12);

        var counted = Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 9)));
        Assert.Equal((9, -3, ReasonCodes.CountCorrection), (counted.Balance.Levels.Available, counted.Adjustment!.QuantityChange, counted.Adjustment.ReasonCode));

        var matched = Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 9)));
        Assert.Null(matched.Adjustment);
        Assert.Equal(counted.Balance.Version + 1, matched.Balance.Version);

        await RefusedAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, -1), InventoryErrors.CountInvalidCode);
    }

    [Fact]
    public async Task SetSafetyStock_KeepsItBesideTheBuckets()
    {
        var (sku, location) = await StockedAsync(7);

        var set = Succeeded(await SendAsync<SetSafetyStock, BalanceView>(new SetSafetyStock(Planner, sku, location, 3)));

        Assert.Equal((3, 7), (set.SafetyStock, set.Levels.Available));
        await RefusedAsync<SetSafetyStock, BalanceView>(new SetSafetyStock(Planner, sku, location, -1), InventoryErrors.SafetyStockInvalidCode, "safetyStock");
        await RefusedAsync<SetSafetyStock, BalanceView>(new SetSafetyStock(Actors.Warehouse, sku, location, 1), CommonErrors.NotPermitted);
    }

    [Fact]
    public async Task ReserveStock_MovesAvailableToReserved_AndRefusesMoreThanIsLeft()
    {
        var (sku, location) = await StockedAsync(4);
        var orderId = Guid.CreateVersion7();

        var reserved = Succeeded(await SendAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, location, 3, orderId)));

        Assert.Equal((1, 3), (reserved.Levels.Available, reserved.Levels.Reserved));
        Assert.Equal($"ORDER:{orderId}", (await EntriesAsync(sku, location))[^1].Reference);
        await RefusedAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, location, 2, orderId), InventoryErrors.InsufficientStockCode);
        await RefusedAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, location, 1, Guid.Empty), InventoryErrors.ReferenceInvalidCode, "orderId");
    }
}
