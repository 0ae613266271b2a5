using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Tests.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Tests.Outbox;

/// <summary>The outbox rows a pipeline keeps for its other consumers (decision 082), on rows read from a real SQLite file.</summary>
public sealed class RecentOutboxEventsTests
{
    [Fact]
    public async Task KeptRows_AreFoundBySequence_InTheAskedOrder_AndTheRestAreCountedMissing()
    {
        var rows = await StoredRowsAsync(orders: 3);
        var recent = new RecentOutboxEvents(capacity: 10);

        recent.Keep(rows.Take(2));
        var found = recent.Rows([rows[2].Sequence, rows[1].Sequence, rows[0].Sequence], out var missing);

        Assert.Equal(1, missing);
        Assert.Equal([null, rows[1], rows[0]], found);
    }

    [Fact]
    public async Task AnEvent_IsReadBackOnce_ForEveryConsumerOfItsKeptRow_AndABadPayloadThrowsEveryTimeWithoutBeingKept()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        foreach (var i in Enumerable.Range(1, 2))
            await OrderPersistenceTests.SaveCapturedAsync(database, $"WEB-{i}");
        await database.ExecuteSqlAsync("""UPDATE "OutboxMessages" SET "Payload" = '{{' WHERE "Sequence" = 2""");
        var rows = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());
        var recent = new RecentOutboxEvents(capacity: 10);
        recent.Keep(rows);

        var once = recent.EventOf(rows[0]);

        Assert.Same(once, recent.EventOf(rows[0]));
        Assert.Equal(rows[0].Payload, DomainEventTypes.Serialize(once));
        Assert.ThrowsAny<Exception>(() => recent.EventOf(rows[1]));
        Assert.ThrowsAny<Exception>(() => recent.EventOf(rows[1]));
    }

    [Fact]
    public async Task PastItsCapacity_TheOldestRowsGo()
    {
        var rows = await StoredRowsAsync(orders: 6);
        var recent = new RecentOutboxEvents(capacity: 4);

        recent.Keep(rows);

        Assert.Equal(4, recent.Count);
        recent.Rows([.. rows.Select(r => r.Sequence)], out var missing);
        Assert.Equal(2, missing);
        Assert.Equal([null, null, rows[2], rows[3], rows[4], rows[5]], recent.Rows([.. rows.Select(r => r.Sequence)], out _));
    }

    [Fact]
    public async Task ARow_GoesOnceEveryConsumerHasReadPastIt()
    {
        var rows = await StoredRowsAsync(orders: 5);
        var recent = new RecentOutboxEvents(capacity: 100);
        string[] consumers = ["automation", "projection"];
        recent.Keep(rows);

        recent.ReadUpTo("automation", rows[3].Sequence, consumers);
        var whileTheProjectionHasReadNothing = recent.Count;
        recent.ReadUpTo("projection", rows[1].Sequence, consumers);

        Assert.Equal(5, whileTheProjectionHasReadNothing);
        Assert.Equal([null, null, rows[2], rows[3], rows[4]], recent.Rows([.. rows.Select(r => r.Sequence)], out _));
    }

    /// <summary>The outbox rows of <paramref name="orders"/> captured orders, as the pipeline reads them.</summary>
    private static async Task<List<OutboxMessage>> StoredRowsAsync(int orders)
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        foreach (var i in Enumerable.Range(1, orders))
            await OrderPersistenceTests.SaveCapturedAsync(database, $"WEB-{i}");
        var rows = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal(orders, rows.Count);
        return rows;
    }
}
