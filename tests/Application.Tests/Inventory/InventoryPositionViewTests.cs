using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>The position read model's own rules, without a database: committed units per channel and ATP over time.</summary>
public sealed class InventoryPositionViewTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static T Move<T>(string? channel, StockBucket? from, StockBucket? to, int quantity) where T : StockLedgerEvent, new() =>
        new() { Sku = "TEE-CREW-M-BLK", Location = "WH-BERLIN", Channel = channel, From = from, To = to, Quantity = quantity };

    [Fact]
    public void Commit_AddsReservations_AndTakesAwayReleasesShipmentsAndShortPicks_PerChannel()
    {
        IReadOnlyList<ChannelCommitmentView> committed = [];
        committed = InventoryPositionView.Commit(committed, Move<StockReserved>("WEB", StockBucket.Available, StockBucket.Reserved, 10));
        committed = InventoryPositionView.Commit(committed, Move<StockReserved>("MKT-ZALANDO", StockBucket.Available, StockBucket.Reserved, 4));
        committed = InventoryPositionView.Commit(committed, Move<StockReservationReleased>("WEB", StockBucket.Reserved, StockBucket.Available, 3));
        committed = InventoryPositionView.Commit(committed, Move<ReservedStockShipped>("WEB", StockBucket.Reserved, null, 2));
        committed = InventoryPositionView.Commit(committed, Move<StockRemoved>("MKT-ZALANDO", StockBucket.Reserved, null, 4)); // a short pick

        Assert.Equal([new ChannelCommitmentView("WEB", 5)], committed);
    }

    [Fact]
    public void Commit_IgnoresMovesWithoutAChannel_AndNeverGoesBelowZero()
    {
        IReadOnlyList<ChannelCommitmentView> committed = [new ChannelCommitmentView("WEB", 2)];

        committed = InventoryPositionView.Commit(committed, Move<StockReserved>(null, StockBucket.Available, StockBucket.Reserved, 7));
        committed = InventoryPositionView.Commit(committed, Move<StockMoved>(null, StockBucket.Available, StockBucket.Damaged, 1));
        committed = InventoryPositionView.Commit(committed, Move<StockReservationReleased>("WEB", StockBucket.Reserved, StockBucket.Available, 5));

        Assert.Empty(committed);
    }

    [Fact]
    public void OverTime_PromisesOverdueInboundFromToday_ThenEachLaterEta()
    {
        var promise = new ChannelAvailabilityView("WEB", ["WH-BERLIN"], 10, 10, null,
            [new AvailabilityPoint(Today.AddDays(-3), 14), new AvailabilityPoint(Today, 20), new AvailabilityPoint(Today.AddDays(5), 32)]);

        Assert.Equal([new AvailabilityPoint(Today, 20), new AvailabilityPoint(Today.AddDays(5), 32)], promise.OverTime(Today));
        Assert.Equal([new AvailabilityPoint(Today.AddDays(-4), 10), .. promise.Arrivals], promise.OverTime(Today.AddDays(-4)));
        Assert.Equal(Today.AddDays(5), promise.EarliestPromiseDate(21, Today));
        Assert.Null(promise.EarliestPromiseDate(33, Today));
    }
}
