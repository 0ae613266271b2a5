using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// The write context is pooled and a save scans its tracker once: what each of those keeps and what it must not lose.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task AContext_GoesBackToThePool_AndTheNextScopeGetsItEmpty()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var order = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(database, order);

        var first = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            await sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default);
            Assert.NotEmpty(db.ChangeTracker.Entries());
            return db;
        });
        var (second, tracked) = await database.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return Task.FromResult((db, db.ChangeTracker.Entries().Count()));
        });

        Assert.Same(first, second);
        Assert.Equal(0, tracked);
    }

    [Fact]
    public async Task ASave_ScansTheTrackerOnce_AndStillFindsAChildAddedThroughItsAggregate()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var order = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(database, order);

        var (throughUnitOfWork, direct) = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var scans = 0;
            db.ChangeTracker.DetectedAllChanges += (_, _) => scans++;
            var loaded = (await sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, default))!;
            var hold = loaded.PlaceHold(HoldType.Manual, "check stock", Actors.Operations, ErpTestHost.Start.AddHours(1)).Value;
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
            var afterUnitOfWork = scans;

            Assert.True(loaded.ReleaseHold(hold, "stock checked", Actors.Operations, ErpTestHost.Start.AddHours(2)).IsSuccess);
            await db.SaveChangesAsync();
            return (afterUnitOfWork, scans - afterUnitOfWork);
        });
        var reloaded = await database.LoadAsync(order.Id.Value);

        Assert.Equal(1, throughUnitOfWork);
        Assert.Equal(1, direct);
        // The hold was reachable only through the order's collection: the one scan found it, and the release changed it.
        Assert.NotNull(Assert.Single(reloaded.Holds).ReleasedAt);
        Assert.Equal(3, reloaded.Version);
        Assert.Equal(3, await database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.AggregateId == order.Id.Value.ToString())));
    }

    [Fact]
    public async Task AFailedSave_LeavesTheContextDetectingChangesForTheScopesNextSave()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await OrderPersistenceTests.SaveAsync(database, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        var other = new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build();

        var (duplicate, detectsAfterFailure) = await database.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<IOrderRepository>().Add(new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
            var refused = await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
            var detects = sp.GetRequiredService<ErpDbContext>().ChangeTracker.AutoDetectChangesEnabled;

            sp.GetRequiredService<IOrderRepository>().Add(other);
            other.PlaceHold(HoldType.Manual, "after the refusal", Actors.Operations, ErpTestHost.Start.AddMinutes(1));
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
            return (refused, detects);
        });

        Assert.True(duplicate.IsFailure);
        Assert.True(detectsAfterFailure);
        Assert.Single((await database.LoadAsync(other.Id.Value)).Holds);
    }
}
