using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ReserveStock;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Tests.Inventory;

public sealed class ReservationConcurrencyTests : InventoryScenario
{
    [Fact]
    public async Task ManyParallelReservations_OfAScarceBalance_ReserveExactlyWhatIsAvailable()
    {
        const int available = 5;
        const int callers = 24;
        var (sku, location) = await StockedAsync(available);
        using var start = new SemaphoreSlim(0);

        // Every caller has its own scope, DbContext and connection, as parallel requests would.
        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await SendAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, location, 1, Guid.CreateVersion7()));
        })).ToList();
        start.Release(callers);
        var results = await Task.WhenAll(calls);

        Assert.Equal(available, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Contains(r.Error.Code, new[] { InventoryErrors.InsufficientStockCode, CommonErrors.Conflict }));
        var balance = await BalanceAsync(sku, location);
        Assert.Equal((0, available), (balance.Available, balance.Reserved));
        var reservations = (await EntriesAsync(sku, location)).Where(e => e.ReasonCode == ReasonCodes.Reservation).ToList();
        Assert.Equal(available, reservations.Count);
        Assert.Equal(available, reservations.Select(e => e.Reference).Distinct().Count());
    }

    [Fact]
    public async Task ParallelReservationsOfSeveralUnits_NeverReserveMoreThanIsAvailable()
    {
        const int available = 20;
        var (sku, location) = await StockedAsync(available);

        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
            (Quantity: 1 + (i % 4), Result: await SendAsync<ReserveStock, BalanceView>(
                new ReserveStock(Actor.System, sku, location, 1 + (i % 4), Guid.CreateVersion7()))))));

        var balance = await BalanceAsync(sku, location);
        Assert.Equal(available, balance.Available + balance.Reserved);
        Assert.Equal(results.Where(r => r.Result.IsSuccess).Sum(r => r.Quantity), balance.Reserved);
        Assert.Equal(balance.Reserved, (await EntriesAsync(sku, location)).Where(e => e.ReasonCode == ReasonCodes.Reservation).Sum(e => e.Quantity));
    }

    [Fact]
    public async Task ParallelFirstChangesOfANewBalance_AllLand_TheLosersRetryAfterTheKeyCollision()
    {
        await Host.WithDbAsync(db =>
        {
            db.Locations.Add(Location.Create("STORE-AMS", "Amsterdam store", LocationKind.Store, "NL", 5, CarrierCapacity.EveryLevel(50)).Value);
            return db.SaveChangesAsync();
        });
        const int callers = 8;

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() =>
            SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, "TEE-CREW-M-BLK", "STORE-AMS", 1, ReasonCodes.Found)))));

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        var balance = await BalanceAsync("TEE-CREW-M-BLK", "STORE-AMS");
        Assert.Equal((callers, callers), (balance.Available, balance.Version));
    }
}
