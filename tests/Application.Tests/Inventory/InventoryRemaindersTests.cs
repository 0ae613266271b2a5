using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.GetBackorderedDemand;
using EcomErp.Application.Inventory.ListCycleCounts;
using EcomErp.Application.Inventory.ListInventoryPositions;
using EcomErp.Application.Inventory.ListTransfers;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Application.Inventory.SetTransferEta;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Application.Tests.Orders;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>
/// Issue 12's inventory remainders on the real SQLite file: backordered units beside the positions (from the order projection),
/// transfers' expected arrivals, and every cycle count kept in a read model, matched or not.
/// </summary>
public sealed class InventoryRemaindersTests : AllocationScenario
{
    private const string Hoodie = "HOODIE-ZIP-S-OLV";
    private static readonly DateOnly ShipDay = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime);

    private async Task<InventoryPositionPage> PositionsAsync(bool hasBackorders, PositionSort sort, string? after = null, int size = 100) =>
        Succeeded(await Host.QueryAsync<ListInventoryPositions, InventoryPositionPage>(
            new ListInventoryPositions(null, null, false, size, after, hasBackorders, sort)));

    private async Task<BackorderedDemandView> DemandAsync(string sku) =>
        Succeeded(await Host.QueryAsync<GetBackorderedDemand, BackorderedDemandView>(new GetBackorderedDemand(sku)));

    [Fact]
    public async Task BackorderedOrders_ShowBesideThePosition_FilterAndSortTheList_AndLeaveWhenStockArrives()
    {
        await SetStockAsync(Hoodie);
        var older = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 2));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var newer = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 3));
        Assert.All([older, newer], o => Assert.Equal(OrderStatus.Backordered, o.Status));
        await Host.ProjectReadModelsAsync();

        var demand = await DemandAsync(Hoodie);
        var withBackorders = await PositionsAsync(hasBackorders: true, PositionSort.BackorderedUnits);
        var everything = await PositionsAsync(hasBackorders: false, PositionSort.Sku);

        Assert.Equal((5, 2), (demand.Units, demand.LineCount));
        Assert.Equal([older.Id.Value, newer.Id.Value], demand.Lines.Select(l => l.OrderId));
        Assert.Equal([2, 3], demand.Lines.Select(l => l.Units));
        Assert.Contains(withBackorders.Positions, p => p.Sku == Hoodie);
        Assert.Equal(5, withBackorders.BackorderedOf(Hoodie));
        Assert.All(withBackorders.Positions, p => Assert.True(withBackorders.BackorderedOf(p.Sku) > 0, p.Sku));
        var units = withBackorders.Positions.Select(p => withBackorders.BackorderedOf(p.Sku)).ToList();
        Assert.Equal(units.OrderByDescending(u => u), units);
        Assert.True(everything.TotalCount > withBackorders.TotalCount);
        Assert.Equal(everything.Positions.Select(p => p.Sku).Order(StringComparer.Ordinal), everything.Positions.Select(p => p.Sku));

        await ReceiveAsync(Hoodie, Rotterdam, 5);
        await Host.DispatchOutboxAsync();
        await Host.ProjectReadModelsAsync();

        Assert.Equal((0, 0), ((await DemandAsync(Hoodie)).Units, (await DemandAsync(Hoodie)).LineCount));
        Assert.DoesNotContain((await PositionsAsync(hasBackorders: true, PositionSort.BackorderedUnits)).Positions, p => p.Sku == Hoodie);
    }

    [Fact]
    public async Task ThePositionList_SortedByBackorderedUnits_PagesWithoutSkippingOrRepeating()
    {
        await SetStockAsync(Hoodie);
        await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Hoodie, 4));
        await Host.ProjectReadModelsAsync();
        var whole = await PositionsAsync(hasBackorders: false, PositionSort.BackorderedUnits);

        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await PositionsAsync(hasBackorders: false, PositionSort.BackorderedUnits, after, size: 3);
            paged.AddRange(page.Positions.Select(p => p.Sku));
            after = page.HasNextPage ? page.Positions[^1].Sku : null;
        }
        while (after is not null);

        Assert.Equal(whole.Positions.Select(p => p.Sku), paged.Take(whole.Positions.Count));
        Assert.Equal(whole.TotalCount, paged.Count);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Equal(4, whole.BackorderedOf(Hoodie));
        var units = whole.Positions.Select(p => whole.BackorderedOf(p.Sku)).ToList();
        Assert.Equal(units.OrderByDescending(u => u), units);
    }

    [Fact]
    public async Task AnUnknownSort_IsAValidationError()
    {
        var refused = await Host.QueryAsync<ListInventoryPositions, InventoryPositionPage>(
            new ListInventoryPositions(null, null, false, 10, null, false, (PositionSort)7));

        Assert.Contains(refused.Errors, e => e.Code == CommonErrors.ValidationFailed);
    }

    [Fact]
    public async Task ATransfer_ShipsWithAnEta_ItMovesWhileInTransit_AuditedWithAnEvent_AndNotOnceReceived()
    {
        var (sku, from) = await StockedAsync(10);
        var to = from == Berlin ? Leeds : Berlin;

        var shipped = Succeeded(await SendAsync<ShipTransfer, TransferView>(
            new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 4)], ShipDay.AddDays(3))));
        var moved = Succeeded(await SendAsync<SetTransferEta, TransferView>(new SetTransferEta(OtherWarehouse, shipped.TransferId, ShipDay.AddDays(5))));
        var listed = Succeeded(await Host.QueryAsync<ListTransfers, DocumentPage<TransferView>>(new ListTransfers(TransferStatus.InTransit, Sku: sku)));
        var events = await Host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.EventType == nameof(TransferArrivalExpected)).CountAsync());
        var audited = await Host.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.SubjectKind == nameof(Transfer) && e.SubjectId == shipped.TransferId.ToString()).Select(e => e.Command).ToListAsync());

        Assert.Equal(ShipDay.AddDays(3), shipped.ExpectedOn);
        Assert.Equal(ShipDay.AddDays(5), moved.ExpectedOn);
        Assert.Equal(ShipDay.AddDays(5), Assert.Single(listed.Items).ExpectedOn);
        Assert.Equal(1, events);
        Assert.Contains(nameof(SetTransferEta), audited);

        Succeeded(await SendAsync<ReceiveTransfer, TransferView>(new ReceiveTransfer(OtherWarehouse, shipped.TransferId, [new ArrivedLine(sku, 4)])));
        await RefusedAsync<SetTransferEta, TransferView>(new SetTransferEta(OtherWarehouse, shipped.TransferId, ShipDay.AddDays(9)),
            InventoryErrors.TransferAlreadyReceivedCode);
        Assert.Empty(Succeeded(await Host.QueryAsync<ListTransfers, DocumentPage<TransferView>>(new ListTransfers(TransferStatus.InTransit, Sku: sku))).Items);
    }

    [Fact]
    public async Task AnEtaBeforeTheShipDate_IsRefusedOnShippingAndOnChanging_AndChangesNothing()
    {
        var (sku, from) = await StockedAsync(10);
        var to = from == Berlin ? Leeds : Berlin;

        await RefusedAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 1)], ShipDay.AddDays(-1)),
            InventoryErrors.ArrivalBeforeShipmentCode, "expectedOn");
        var shipped = Succeeded(await SendAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 1)])));
        Host.Time.Advance(TimeSpan.FromDays(2));

        Assert.Null(shipped.ExpectedOn);
        await RefusedAsync<SetTransferEta, TransferView>(new SetTransferEta(Actors.Warehouse, shipped.TransferId, ShipDay.AddDays(-1)),
            InventoryErrors.ArrivalBeforeShipmentCode, "expectedOn");
        await RefusedAsync<SetTransferEta, TransferView>(new SetTransferEta(Planner, shipped.TransferId, ShipDay.AddDays(1)), CommonErrors.NotPermitted);
        await RefusedAsync<SetTransferEta, TransferView>(new SetTransferEta(Actors.Warehouse, Guid.NewGuid(), ShipDay.AddDays(1)),
            InventoryErrors.TransferNotFoundCode);
        // The ship day itself is a valid arrival, also after it has passed: a late truck is still expected.
        Assert.Equal(ShipDay, Succeeded(await SendAsync<SetTransferEta, TransferView>(new SetTransferEta(Actors.Warehouse, shipped.TransferId, ShipDay))).ExpectedOn);
    }

    [Fact]
    public async Task EveryCycleCount_MatchedOrNot_IsListed_AndFiltersBySkuLocationOutcomeAndTime()
    {
        var (sku, location) = await StockedAsync(20);
        var matched = Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 20)));
        Host.Time.Advance(TimeSpan.FromDays(1));
        var differed = Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 17)));
        await Host.ProjectReadModelsAsync();

        async Task<DocumentPage<CycleCountView>> ListAsync(ListCycleCounts query) =>
            Succeeded(await Host.QueryAsync<ListCycleCounts, DocumentPage<CycleCountView>>(query));
        var ofSku = await ListAsync(new ListCycleCounts(Sku: sku));
        var onlyMatched = await ListAsync(new ListCycleCounts(Sku: sku, Outcome: CycleCountOutcome.Matched));
        var onlyVariance = await ListAsync(new ListCycleCounts(Sku: sku, Location: location, Outcome: CycleCountOutcome.Variance));
        var firstDay = await ListAsync(new ListCycleCounts(Sku: sku, From: ErpTestHost.Start, Before: ErpTestHost.Start.AddDays(1)));
        var elsewhere = await ListAsync(new ListCycleCounts(Sku: sku, Location: location == Berlin ? Leeds : Berlin));
        var firstPage = await ListAsync(new ListCycleCounts(Sku: sku, Size: 1));
        var secondPage = await ListAsync(new ListCycleCounts(Sku: sku, Page: 2, Size: 1));

        Assert.Null(matched.Adjustment);
        Assert.NotNull(differed.Adjustment);
        Assert.Equal([(17, 20, -3), (20, 20, 0)], ofSku.Items.Select(c => (c.CountedQuantity, c.BookQuantity, c.Variance)));
        Assert.Equal(2, ofSku.TotalCount);
        Assert.True(Assert.Single(onlyMatched.Items).Matched);
        Assert.Equal(-3, Assert.Single(onlyVariance.Items).Variance);
        Assert.Equal(20, Assert.Single(firstDay.Items).CountedQuantity);
        Assert.Equal(ErpTestHost.Start, firstDay.Items[0].CountedAt);
        Assert.Equal(Actors.Warehouse.Id, firstDay.Items[0].CountedBy);
        Assert.Empty(elsewhere.Items);
        Assert.Equal((17, 2), (Assert.Single(firstPage.Items).CountedQuantity, firstPage.TotalCount));
        Assert.Equal(20, Assert.Single(secondPage.Items).CountedQuantity);
    }

    [Fact]
    public async Task TheCycleCountReadModel_RebuiltFromTheOutbox_HoldsTheSameCounts()
    {
        var (sku, location) = await StockedAsync(9);
        Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 9)));
        Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 8)));
        await Host.ProjectReadModelsAsync();
        var before = Succeeded(await Host.QueryAsync<ListCycleCounts, DocumentPage<CycleCountView>>(new ListCycleCounts(Sku: sku)));

        await Host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);
        await Host.ProjectReadModelsAsync();
        var after = Succeeded(await Host.QueryAsync<ListCycleCounts, DocumentPage<CycleCountView>>(new ListCycleCounts(Sku: sku)));

        Assert.Equal(2, before.TotalCount);
        Assert.Equal(before.Items, after.Items);
    }

    [Fact]
    public async Task ACycleCountList_WithARangeEndingBeforeItStarts_OrAMalformedSku_IsRefused()
    {
        var backwards = await Host.QueryAsync<ListCycleCounts, DocumentPage<CycleCountView>>(
            new ListCycleCounts(From: ErpTestHost.Start, Before: ErpTestHost.Start.AddDays(-1)));
        var malformed = await Host.QueryAsync<ListCycleCounts, DocumentPage<CycleCountView>>(new ListCycleCounts(Sku: "not a sku!"));

        Assert.Contains(backwards.Errors, e => e.Code == InventoryErrors.TimeRangeInvalidCode);
        Assert.True(malformed.IsFailure);
    }
}
