using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

public sealed class OrderPersistenceTests
{
    [Fact]
    public async Task SavedOrder_ReloadedInANewScope_HasTheSameFieldsLinesHoldsAndTimeline()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var order = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start)
            .WithServiceLevel(ServiceLevel.Express).WithPriority(OrderPriority.High)
            .WithCustomer("anna@example.com", "Anna Schmidt").ShippingTo("Anna Schmidt", "Torstraße 1", "Berlin", "10119", "DE", line2: "Hinterhaus")
            .WithLine("TEE-CREW-M-001", 1, 19.99m).WithLine("TEE-CREW-M-002", 2, 39.98m).WithLine("TEE-CREW-M-003", 3, 59.97m).Build();
        Assert.True(order.Validate(17, Domain.Common.Actor.System, ErpTestHost.Start.AddMinutes(1)).IsSuccess);
        var holdId = order.PlaceHold(HoldType.Manual, "customer called", Actors.Operations, ErpTestHost.Start.AddMinutes(2)).Value;
        Assert.True(order.ReleaseHold(holdId, "all clear", Actors.OtherOperations, ErpTestHost.Start.AddMinutes(3)).IsSuccess);
        order.PlaceHold(HoldType.FraudReview, "new device", Actors.Operations, ErpTestHost.Start.AddMinutes(4));

        await SaveAsync(database, order);
        var reloaded = await database.InScopeAsync(sp => sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default));

        Assert.NotNull(reloaded);
        // Everything an order shows, children included: equal JSON is equal state.
        Assert.Equal(JsonSerializer.Serialize(order), JsonSerializer.Serialize(reloaded));
        Assert.Equal(3, reloaded.Lines.Count);
        Assert.Equal(2, reloaded.Holds.Count);
        Assert.Equal(5, reloaded.Timeline.Count);
        Assert.Equal(5, reloaded.Version);
    }

    [Fact]
    public async Task OrderChangedOnALoadedAggregate_SavesNewHoldsAndTimelineEntries()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var order = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        await SaveAsync(database, order);

        await database.InScopeAsync(async sp =>
        {
            var loaded = (await sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default))!;
            loaded.PlaceHold(HoldType.Manual, "check stock", Actors.Operations, ErpTestHost.Start.AddHours(1));
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
        });
        var reloaded = await database.InScopeAsync(sp => sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default));

        Assert.Single(reloaded!.Holds);
        Assert.Equal(2, reloaded.Timeline.Count);
        Assert.Equal(2, reloaded.Version);
    }

    [Fact]
    public async Task TwoScopesChangingTheSameOrder_TheSecondSaveIsAConflictAndTheFirstChangeStands()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var order = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        await SaveAsync(database, order);
        await using var first = database.Scope();
        await using var second = database.Scope();
        var firstCopy = (await first.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default))!;
        var secondCopy = (await second.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default))!;

        firstCopy.PlaceHold(HoldType.Manual, "first", Actors.Operations, ErpTestHost.Start.AddMinutes(1));
        secondCopy.Cancel("second", Actors.Operations, ErpTestHost.Start.AddMinutes(2));
        var firstSave = await first.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
        var secondSave = await second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);

        Assert.True(firstSave.IsSuccess);
        Assert.True(secondSave.IsFailure);
        Assert.Equal(PersistenceErrors.ConcurrencyConflict, secondSave.Error.Code);
        Assert.Empty(second.ServiceProvider.GetRequiredService<ErpDbContext>().ChangeTracker.Entries());
        var stored = await database.InScopeAsync(sp => sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default));
        Assert.Equal(OrderStatus.Captured, stored!.Status);
        Assert.Equal("first", Assert.Single(stored.Holds).Reason);
        Assert.Equal(2, await CountOutboxAsync(database));
    }

    [Fact]
    public async Task SecondOrderWithTheSameChannelAndExternalId_IsADuplicateAndLeavesNeitherStateNorOutboxRows()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await SaveAsync(database, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        var signalsBefore = database.Signal.Notifications;

        var result = await database.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<IOrderRepository>().Add(new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).WithCustomer("other@example.com", "Anna Schmidt").Build());
            return await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
        });

        Assert.Equal(PersistenceErrors.DuplicateKey, result.Error.Code);
        Assert.Equal(1, await database.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Orders.CountAsync()));
        Assert.Equal(1, await CountOutboxAsync(database));
        Assert.Equal(signalsBefore, database.Signal.Notifications);
    }

    [Fact]
    public async Task SuccessfulSave_WritesOneOutboxRowPerEventInOrderWithTheAggregateVersionAndSignals()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var first = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        first.Validate(10, Domain.Common.Actor.System, ErpTestHost.Start.AddMinutes(1));
        first.ApplyAllocation(new AllocationDecision(
            [.. first.Lines.Select(l => new AllocatedUnits(l.LineNumber, l.Sku, Domain.Common.LocationCode.Of("WH-BERLIN"), l.Quantity))],
            [], Domain.Common.Currency.Of("EUR")), Domain.Common.Actor.System, ErpTestHost.Start.AddMinutes(2));
        await SaveAsync(database, first);
        var second = new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start.AddMinutes(3)).Build();
        await SaveAsync(database, second);

        var rows = await database.InScopeAsync(sp =>
            sp.GetRequiredService<ErpDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

        Assert.Equal([nameof(OrderCaptured), nameof(OrderValidated), nameof(OrderAllocated), nameof(OrderCaptured)], rows.Select(r => r.EventType));
        Assert.Equal([1L, 2L, 3L, 4L], rows.Select(r => r.Sequence));
        Assert.Equal([1, 2, 3, 1], rows.Select(r => r.AggregateVersion));
        Assert.Equal([first.Id.Value.ToString(), first.Id.Value.ToString(), first.Id.Value.ToString(), second.Id.Value.ToString()],
            rows.Select(r => r.AggregateId));
        Assert.All(rows, r => Assert.Equal(nameof(Order), r.AggregateType));
        Assert.Equal(ErpTestHost.Start.AddMinutes(1), rows[1].OccurredAt);
        var validated = Assert.IsType<OrderValidated>(rows[1].ToDomainEvent());
        Assert.Equal(first.Id.Value, validated.OrderId);
        Assert.Equal(10, validated.FraudScore);
        Assert.Equal(2, database.Signal.Notifications);
    }

    [Fact]
    public async Task Orders_AreSortedAndFilteredByCaptureTimeInTheDatabase()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        foreach (var (id, minutes) in new[] { ("WEB-B", 30), ("WEB-A", 10), ("WEB-C", 20) })
            await SaveAsync(database, new OrderBuilder().WithExternalId(id).CapturedAt(ErpTestHost.Start.AddMinutes(minutes)).Build());

        var (newestFirst, afterFifteen) = await database.InScopeAsync(async sp =>
        {
            var orders = sp.GetRequiredService<ErpDbContext>().Orders.AsNoTracking();
            var cutoff = ErpTestHost.Start.AddMinutes(15);
            return (await orders.OrderByDescending(o => o.CapturedAt).Select(o => o.ExternalOrderId).ToListAsync(),
                await orders.Where(o => o.CapturedAt > cutoff).OrderBy(o => o.CapturedAt).Select(o => o.ExternalOrderId).ToListAsync());
        });

        Assert.Equal(["WEB-B", "WEB-C", "WEB-A"], newestFirst);
        Assert.Equal(["WEB-C", "WEB-B"], afterFifteen);
    }

    [Fact]
    public async Task FindByExternalIdAndCountByEmail_ReadTheStoredOrders()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        OrderBuilder AnnasOrder(string externalId) => new OrderBuilder().WithExternalId(externalId).CapturedAt(ErpTestHost.Start)
            .WithCustomer("anna@example.com", "Anna Schmidt").WithLine("TEE-CREW-M-001", 1).WithLine("TEE-CREW-M-002", 2);
        var first = AnnasOrder("WEB-1").Build();
        await SaveAsync(database, first);
        await SaveAsync(database, AnnasOrder("WEB-2").Build());
        await SaveAsync(database, new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).WithCustomer("someone.else@example.com", "Anna Schmidt").Build());

        var (found, others) = await database.InScopeAsync(async sp =>
        {
            var repository = sp.GetRequiredService<IOrderRepository>();
            return (await repository.FindByExternalIdAsync(first.Channel, "WEB-1", default),
                await repository.CountOtherOrdersByEmailAsync("anna@example.com", first.Id, default));
        });

        Assert.Equal(first.Id, found!.Id);
        Assert.Equal(2, found.Lines.Count);
        Assert.Equal(1, others);
    }

    /// <summary>Saves a new captured order with <paramref name="externalId"/>, its outbox event with it.</summary>
    internal static Task SaveCapturedAsync(ErpTestHost database, string externalId) =>
        SaveAsync(database, new OrderBuilder().WithExternalId(externalId).CapturedAt(ErpTestHost.Start).Build());

    internal static Task SaveAsync(ErpTestHost database, Order order) => database.InScopeAsync(async sp =>
    {
        sp.GetRequiredService<IOrderRepository>().Add(order);
        var result = await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
    });

    private static Task<int> CountOutboxAsync(ErpTestHost database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().OutboxMessages.CountAsync());
}
