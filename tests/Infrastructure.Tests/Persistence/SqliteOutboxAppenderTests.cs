using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// On SQLite a save appends its outbox rows with one prepared statement after EF Core has saved the state, in the same
/// transaction, without tracking them (decision 062); a save that fails leaves them to the tracker, as EF Core's own save would.
/// </summary>
public sealed class SqliteOutboxAppenderTests
{
    [Fact]
    public async Task AppendedRows_AreStoredAsEfCoreStoresTrackedOnes_InRaiseOrder_AndStayOutOfTheTracker()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        // Saved in the caller's transaction, the rows go through the tracker: the format EF Core writes.
        await using (var tracked = database.Scope())
        {
            var db = tracked.ServiceProvider.GetRequiredService<ErpDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Add(tracked, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
            Assert.True((await SaveAsync(tracked)).IsSuccess);
            Assert.Single(db.ChangeTracker.Entries<OutboxMessage>());
            await transaction.CommitAsync();
        }
        await using var appended = database.Scope();
        var order = Add(appended, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        order.PlaceHold(HoldType.Manual, "customer called", Actors.Operations, ErpTestHost.Start.AddMinutes(1));

        Assert.True((await SaveAsync(appended)).IsSuccess);

        Assert.Empty(appended.ServiceProvider.GetRequiredService<ErpDbContext>().ChangeTracker.Entries<OutboxMessage>());
        var rows = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.Equal([nameof(OrderCaptured), nameof(OrderHoldPlaced)], rows[1..].Select(r => r.EventType));
        Assert.All(rows[1..], r => Assert.Equal((nameof(Order), order.Id.ToString()), (r.AggregateType, r.AggregateId)));
        Assert.Equal([1, 2], rows[1..].Select(r => r.AggregateVersion));
        Assert.Equal([ErpTestHost.Start, ErpTestHost.Start.AddMinutes(1)], rows[1..].Select(r => r.OccurredAt));
        Assert.Equal(order.Id.Value, Assert.IsType<OrderHoldPlaced>(rows[2].ToDomainEvent()).OrderId);
        // Each column holds the same storage class and text form in both rows, and EF Core finds an appended row by its id.
        var forms = await database.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT typeof("EventId") || (upper("EventId") = "EventId") || typeof("AggregateType") || typeof("AggregateId")
                || typeof("AggregateVersion") || typeof("EventType") || typeof("Payload") || typeof("OccurredAt") AS "Value"
            FROM "OutboxMessages" ORDER BY "Sequence"
            """).ToListAsync());
        Assert.Equal("text1texttextintegertexttextinteger", Assert.Single(forms.Distinct()));
        Assert.Equal(rows[2].Sequence, await database.WithDbAsync(db => db.OutboxMessages.Where(m => m.EventId == rows[2].EventId).Select(m => m.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task AppendFailing_LeavesNothingOfTheSave_AndARetryOfTheSameContextWritesStateAndRowsOnce()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var order = Add(scope, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        await RefuseOutboxRowsOfAsync(database, order);

        var failure = await Assert.ThrowsAsync<SqliteException>(() => db.SaveChangesAsync());

        Assert.Contains("outbox refused", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await database.WithDbAsync(d => d.Orders.CountAsync()));
        Assert.Equal(0, await database.WithDbAsync(d => d.OutboxMessages.CountAsync()));
        Assert.Single(db.ChangeTracker.Entries<OutboxMessage>(), e => e.State == EntityState.Added);

        await database.ExecuteSqlAsync("""DROP TRIGGER "RefuseOutboxRows";""");
        Assert.True(await db.SaveChangesAsync() > 0);
        Assert.Equal(order.Id, (await database.LoadAsync(order.Id.Value)).Id);
        Assert.Equal([(order.Id.ToString(), nameof(OrderCaptured))],
            await database.WithDbAsync(d => d.OutboxMessages.AsNoTracking().Select(m => new ValueTuple<string, string>(m.AggregateId, m.EventType)).ToListAsync()));
    }

    [Fact]
    public async Task AppendFailingInAGroup_FailsThatSaveAlone_TheOthersCommit_AndTheUnitOfWorkForgetsItsRows()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var queue = SqliteGroupCommitTests.QueueOf(database);
        await using var first = database.Scope();
        await using var refused = database.Scope();
        await using var third = database.Scope();
        var firstOrder = Add(first, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        var refusedOrder = Add(refused, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        var thirdOrder = Add(third, new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).Build());
        await RefuseOutboxRowsOfAsync(database, refusedOrder);
        var before = queue.Totals;

        Task<Result>[] saves;
        using (queue.TakeWriterTurn())
            saves = [SaveAsync(first), SaveAsync(refused), SaveAsync(third)];

        Assert.True((await saves[0]).IsSuccess);
        await Assert.ThrowsAsync<SqliteException>(() => saves[1]);
        Assert.True((await saves[2]).IsSuccess);
        Assert.Equal((before.Groups + 1, before.Saves + 3), queue.Totals);
        Assert.Equal([firstOrder.Id.ToString(), thirdOrder.Id.ToString()],
            await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).Select(m => m.AggregateId).ToListAsync()));
        Assert.Equal(["WEB-1", "WEB-3"], await database.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync()));
        // The unit of work empties its context after a failure: the refused save's rows are gone with its changes.
        Assert.Empty(refused.ServiceProvider.GetRequiredService<ErpDbContext>().ChangeTracker.Entries());
    }

    private static Task<int> RefuseOutboxRowsOfAsync(ErpTestHost database, Order order) => database.ExecuteSqlAsync($"""
        CREATE TRIGGER "RefuseOutboxRows" BEFORE INSERT ON "OutboxMessages" WHEN NEW."AggregateId" = '{order.Id}'
        BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;
        """);

    private static Order Add(AsyncServiceScope scope, Order order) => SqliteGroupCommitTests.Add(scope, order);

    private static Task<Result> SaveAsync(AsyncServiceScope scope) => SqliteGroupCommitTests.SaveAsync(scope);
}
