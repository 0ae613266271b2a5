using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Orders;

/// <summary>
/// Releases book the locations' daily carrier capacity on the real SQLite file (decision 027): the release past the last
/// pickup holds the order for CARRIER_CAPACITY instead of overbooking, the warehouse manager's approval releases it over
/// capacity, and a release on the next day books that day's pickups.
/// </summary>
public sealed class CarrierCapacityTests : IAsyncLifetime
{
    private static readonly LocationCode Berlin = LocationCode.Of("WH-BERLIN");

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Standard orders of the web shop to Berlin ship from WH-BERLIN; its standard pickups are set to <paramref name="pickups"/> a day.</summary>
    private Task<int> BerlinTakesStandardPickupsAsync(int pickups) =>
        _host.ExecuteSqlAsync($"UPDATE Locations SET CarrierCapacity_Standard = {pickups} WHERE Code = 'WH-BERLIN'");

    private async Task<List<Guid>> AllocatedOrdersAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var captured = await _host.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().BuildCommand());
            Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
            ids.Add(captured.Value.OrderId);
        }
        await _host.DispatchOutboxAsync();
        foreach (var id in ids)
        {
            var order = await _host.LoadAsync(id);
            Assert.Equal((OrderStatus.Allocated, false, Berlin), (order.Status, order.IsOnHold, Assert.Single(order.OpenShipments).Location));
        }
        return ids;
    }

    private Task<Result<OrderCommandResult>> ReleaseAsync(Guid orderId, Actor? actor = null) =>
        _host.SendAsync<ReleaseOrder, OrderCommandResult>(new ReleaseOrder(orderId, actor ?? Actors.Operations));

    private Task<CarrierCapacityDay?> BerlinStandardDayAsync(DateOnly day) =>
        _host.WithDbAsync(db => db.Set<CarrierCapacityDay>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Location == Berlin && d.ServiceLevel == ServiceLevel.Standard && d.Day == day));

    private Task<ExceptionCase> CaseOfAsync(Guid holdId) =>
        _host.WithDbAsync(db => db.ExceptionCases.AsNoTracking().SingleAsync(c => c.HoldId == holdId));

    private static DateOnly Today(ErpTestHost host) => CarrierCapacityDay.DayOf(host.Time.GetUtcNow());

    [Fact]
    public async Task TheReleaseAfterTheLastPickup_HoldsTheOrderForCarrierCapacity_AndRaisesOneCaseForTheWarehouseManager()
    {
        await BerlinTakesStandardPickupsAsync(2);
        var orders = await AllocatedOrdersAsync(3);

        Assert.All(await Task.WhenAll(orders.Take(2).Select(id => ReleaseAsync(id))), r => Assert.Equal(OrderStatus.Released, r.Value.Status));
        var third = await ReleaseAsync(orders[2]);

        Assert.True(third.IsSuccess, string.Join("; ", third.Errors));
        Assert.Equal((OrderStatus.Allocated, true), (third.Value.Status, third.Value.IsOnHold));
        var hold = Assert.Single(third.Value.Order.Holds);
        Assert.Equal((HoldType.CarrierCapacity, Actor.SystemId), (hold.Type, hold.PlacedBy));
        Assert.Contains("WH-BERLIN Standard", hold.Reason, StringComparison.Ordinal);
        Assert.Contains("2 of 2 pickups booked", hold.Reason, StringComparison.Ordinal);
        var day = await BerlinStandardDayAsync(Today(_host));
        Assert.Equal((2, 0), (day!.Booked, day.BookedOverCapacity));

        await _host.DispatchOutboxAsync();
        var raised = await CaseOfAsync(hold.Id);
        var order = await _host.LoadAsync(orders[2]);
        Assert.Equal((ExceptionType.CarrierCapacity, Roles.WarehouseManager, ExceptionCaseStatus.Open, orders[2]),
            (raised.Type, raised.Queue, raised.Status, raised.Subject.Id));
        Assert.Equal(order.ShipBy, raised.ShipBy);
        Assert.Equal(1, await _host.WithDbAsync(db => db.ExceptionCases.CountAsync(c => c.Subject.Id == orders[2])));
    }

    [Fact]
    public async Task ReleasingAgainWhileTheDayIsStillFull_IsRefusedWithCarrierCapacityExhausted_AndChangesNothing()
    {
        await BerlinTakesStandardPickupsAsync(1);
        var orders = await AllocatedOrdersAsync(2);
        Assert.Equal(OrderStatus.Released, (await ReleaseAsync(orders[0])).Value.Status);
        Assert.True((await ReleaseAsync(orders[1])).Value.IsOnHold);
        var before = await _host.LoadAsync(orders[1]);

        var again = await ReleaseAsync(orders[1]);

        Assert.Equal(OrderErrors.CarrierCapacityExhaustedCode, Assert.Single(again.Errors).Code);
        var after = await _host.LoadAsync(orders[1]);
        Assert.Equal((before.Version, 1), (after.Version, after.Holds.Count));
        Assert.Equal(1, (await BerlinStandardDayAsync(Today(_host)))!.Booked);
    }

    [Fact]
    public async Task ALocationThatBooksNoPickupsOfTheLevel_HoldsTheFirstRelease()
    {
        await BerlinTakesStandardPickupsAsync(0);
        var orders = await AllocatedOrdersAsync(1);

        var release = await ReleaseAsync(orders[0]);

        Assert.Equal((OrderStatus.Allocated, HoldType.CarrierCapacity), (release.Value.Status, Assert.Single(release.Value.Order.Holds).Type));
    }

    [Fact]
    public async Task ApprovingTheCase_ReleasesTheOrderOverCapacity_AsARecordedOverride()
    {
        await BerlinTakesStandardPickupsAsync(1);
        var orders = await AllocatedOrdersAsync(2);
        await ReleaseAsync(orders[0]);
        var hold = Assert.Single((await ReleaseAsync(orders[1])).Value.Order.Holds);
        await _host.DispatchOutboxAsync();
        var raised = await CaseOfAsync(hold.Id);

        var approved = await _host.SendAsync<ResolveExceptionCase, ExceptionCaseCommandResult>(
            new ResolveExceptionCase(raised.Id.Value, Actors.Warehouse, ExceptionResolution.Approved, "Extra van booked with the carrier"));

        Assert.True(approved.IsSuccess, string.Join("; ", approved.Errors));
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved), (approved.Value.Case.Status, approved.Value.Case.Resolution));
        var order = await _host.LoadAsync(orders[1]);
        Assert.Equal((OrderStatus.Released, false), (order.Status, order.IsOnHold));
        Assert.Equal(Actors.Warehouse.Id, order.Holds.Single().ReleasedBy);
        var released = order.Timeline[^1];
        Assert.Equal((TimelineAction.Released, Actor.SystemId), (released.Action, released.ActorId));
        Assert.StartsWith("Released over carrier capacity (WH-BERLIN Standard", released.Reason, StringComparison.Ordinal);
        Assert.Contains($"approved by {Actors.Warehouse.Name} ({Actors.Warehouse.Id}) in exception case {raised.Id}: Extra van booked with the carrier",
            released.Reason, StringComparison.Ordinal);
        var day = await BerlinStandardDayAsync(Today(_host));
        Assert.Equal((2, 1), (day!.Booked, day.BookedOverCapacity));
    }

    [Fact]
    public async Task RejectingTheCase_IsRefused_AnOrderIsNeverCancelledForCapacity()
    {
        await BerlinTakesStandardPickupsAsync(0);
        var orders = await AllocatedOrdersAsync(1);
        var hold = Assert.Single((await ReleaseAsync(orders[0])).Value.Order.Holds);
        await _host.DispatchOutboxAsync();
        var raised = await CaseOfAsync(hold.Id);

        var rejected = await _host.SendAsync<ResolveExceptionCase, ExceptionCaseCommandResult>(
            new ResolveExceptionCase(raised.Id.Value, Actors.Warehouse, ExceptionResolution.Rejected, "No van today"));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal((ExceptionCaseErrors.ResolutionInvalidCode, "resolution"), (error.Code, error.Field));
        Assert.Equal((OrderStatus.Allocated, true), ((await _host.LoadAsync(orders[0])).Status, (await _host.LoadAsync(orders[0])).IsOnHold));
        Assert.Equal(ExceptionCaseStatus.Open, (await CaseOfAsync(hold.Id)).Status);
    }

    [Fact]
    public async Task TheCaseLeftOpen_IsClosedByAReleaseOnTheNextDay_WhichBooksThatDaysPickup()
    {
        await BerlinTakesStandardPickupsAsync(1);
        var orders = await AllocatedOrdersAsync(2);
        await ReleaseAsync(orders[0]);
        var hold = Assert.Single((await ReleaseAsync(orders[1])).Value.Order.Holds);
        await _host.DispatchOutboxAsync();
        var firstDay = Today(_host);

        _host.Time.Advance(TimeSpan.FromDays(1));
        var retried = await ReleaseAsync(orders[1]);

        Assert.True(retried.IsSuccess, string.Join("; ", retried.Errors));
        Assert.Equal((OrderStatus.Released, false), (retried.Value.Status, retried.Value.IsOnHold));
        Assert.Equal(1, (await BerlinStandardDayAsync(firstDay))!.Booked);
        Assert.Equal(1, (await BerlinStandardDayAsync(firstDay.AddDays(1)))!.Booked);
        await _host.DispatchOutboxAsync();
        var closed = await CaseOfAsync(hold.Id);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource), (closed.Status, closed.Resolution));
    }

    [Fact]
    public async Task ConcurrentReleases_NeverBookMoreThanTheDaysCapacity()
    {
        const int pickups = 3;
        const int callers = 10;
        await BerlinTakesStandardPickupsAsync(pickups);
        var orders = await AllocatedOrdersAsync(callers);
        using var start = new SemaphoreSlim(0);

        // Every caller has its own scope, DbContext and connection, as parallel requests would.
        var calls = orders.Select(id => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await ReleaseAsync(id);
        })).ToList();
        start.Release(callers);
        var results = await Task.WhenAll(calls);

        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(CommonErrors.Conflict, r.Error.Code));
        var stored = await Task.WhenAll(orders.Select(_host.LoadAsync));
        Assert.Equal(pickups, stored.Count(o => o.Status == OrderStatus.Released));
        Assert.All(stored.Where(o => o.Status != OrderStatus.Released), o => Assert.Equal(OrderStatus.Allocated, o.Status));
        Assert.Equal(results.Count(r => r.IsSuccess && r.Value.IsOnHold), stored.Count(o => o.OpenHolds.Any(h => h.Type == HoldType.CarrierCapacity)));
        Assert.Equal((pickups, 0), ((await BerlinStandardDayAsync(Today(_host)))!.Booked, (await BerlinStandardDayAsync(Today(_host)))!.BookedOverCapacity));
    }
}
