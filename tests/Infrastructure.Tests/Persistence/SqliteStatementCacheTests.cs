using System.Globalization;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// A transaction's statements are prepared once per open connection (decision 060): what is reused, and that every
/// answer, error and reader is what EF Core's own command would have given.
/// </summary>
public sealed class SqliteStatementCacheTests
{
    [Fact]
    public async Task SavesInOneTransaction_ReuseTheirPreparedStatements_UntilTheConnectionCloses()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var orders = Enumerable.Range(1, 5).Select(i => new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build()).ToList();

        var (whileOpen, afterClose, secondTransaction) = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var repository = sp.GetRequiredService<EcomErp.Application.Abstractions.IOrderRepository>();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            (int Kept, long Reused) open;
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                foreach (var order in orders.Take(4))
                {
                    repository.Add(order);
                    await db.SaveChangesAsync();
                }
                open = SqliteStatementCache.Count(connection);
                await transaction.CommitAsync();
            }
            // EF Core opened the connection for the transaction and closed it when the transaction ended.
            Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
            var closed = SqliteStatementCache.Count(connection);

            (int Kept, long Reused) second;
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                repository.Add(orders[4]);
                await db.SaveChangesAsync();
                second = SqliteStatementCache.Count(connection);
                await transaction.CommitAsync();
            }
            return (open, closed, second);
        });

        // Each of the four saves inserts the order, its line, its timeline entry and its outbox row: the first save
        // prepares those four statements, the other three reuse every one of them.
        Assert.Equal(4, whileOpen.Kept);
        Assert.True(whileOpen.Reused >= 3 * whileOpen.Kept, $"{whileOpen.Reused} reuses of {whileOpen.Kept} statements.");
        Assert.Equal((0, 0L), afterClose);
        // The connection's next transaction prepares its statements again (the closed connection finalised them).
        Assert.Equal(whileOpen.Kept, secondTransaction.Kept);
        Assert.Equal(0, secondTransaction.Reused);
        foreach (var order in orders)
        {
            var stored = await database.LoadAsync(order.Id.Value);
            Assert.Equal(order.ExternalOrderId, stored.ExternalOrderId);
            Assert.Equal(order.Lines.Select(l => (l.Sku, l.Quantity)), stored.Lines.Select(l => (l.Sku, l.Quantity)));
        }
        Assert.Equal(5, await database.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task AStatementThatFails_ReportsItsOwnError_AndItsTextRunsAgainCleanly()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var first = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        var duplicate = new OrderBuilder().WithExternalId("WEB-1").WithCustomer("other@example.com", "Other").CapturedAt(ErpTestHost.Start).Build();
        var second = new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build();

        var (error, reusedBefore, reusedAfter) = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(first);
            await db.SaveChangesAsync();
            db.Add(duplicate);
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
            var before = SqliteStatementCache.Count(connection).Reused;
            db.Add(second);
            await db.SaveChangesAsync();
            var after = SqliteStatementCache.Count(connection).Reused;
            await transaction.CommitAsync();
            return (failure.InnerException, before, after);
        });

        // SQLite's own error, as EF Core's command would have raised it.
        var sqlite = Assert.IsType<SqliteException>(error);
        Assert.Equal(19, sqlite.SqliteErrorCode);
        Assert.Contains("UNIQUE", sqlite.Message, StringComparison.Ordinal);
        // The failed INSERT's statement was reset by its reader, so the next order runs on it again.
        Assert.True(reusedAfter > reusedBefore);
        Assert.Equal(["WEB-1", "WEB-2"],
            await database.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync()));
        Assert.Equal("anna.schmidt@example.com", (await database.LoadAsync(first.Id.Value)).Customer.Email);
    }

    [Fact]
    public async Task AQueryRunWhileTheSameQueryIsStillBeingRead_RunsOnItsOwnCommand()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        foreach (var i in Enumerable.Range(1, 3))
            await OrderPersistenceTests.SaveAsync(database, new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build());

        var pairs = await database.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var seen = new List<(string Outer, int Inner)>();
            await foreach (var outer in ExternalIds(db).AsAsyncEnumerable())
                seen.Add((outer, (await ExternalIds(db).ToListAsync()).Count));
            return seen;
        });

        Assert.Equal([("WEB-1", 3), ("WEB-2", 3), ("WEB-3", 3)], pairs);

        static IQueryable<string> ExternalIds(ErpDbContext db) =>
            db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId);
    }

    [Fact]
    public async Task MoreStatementsThanTheCapacity_TheLeastRecentlyRunAreFinalised_AndEveryAnswerIsRight()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var extra = 10;

        var (answers, kept, firstAgainReused, lastAgainReused) = await database.WithDbAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var results = new List<int>();
            for (var i = 0; i < SqliteStatementCache.Capacity + extra; i++)
                results.Add(await Number(db, i));
            var counted = SqliteStatementCache.Count(connection);
            await Number(db, 0);
            var afterFirst = SqliteStatementCache.Count(connection).Reused;
            await Number(db, SqliteStatementCache.Capacity + extra - 1);
            var afterLast = SqliteStatementCache.Count(connection).Reused;
            return (results, counted.Kept, afterFirst - counted.Reused, afterLast - afterFirst);
        });

        Assert.Equal(Enumerable.Range(0, SqliteStatementCache.Capacity + extra), answers);
        Assert.Equal(SqliteStatementCache.Capacity, kept);
        Assert.Equal(0, firstAgainReused);
        Assert.Equal(1, lastAgainReused);

        // One text per number, so every one is a statement of its own.
        static async Task<int> Number(ErpDbContext db, int i)
        {
            var text = "SELECT " + i.ToString(CultureInfo.InvariantCulture) + " AS \"Value\"";
            return (await db.Database.SqlQueryRaw<int>(text).ToListAsync()).Single();
        }
    }

    [Fact]
    public async Task ANonQueryAndAScalar_RunOnKeptStatements_WithTheirOwnAnswers()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        foreach (var i in Enumerable.Range(1, 3))
            await OrderPersistenceTests.SaveAsync(database, new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build());

        var (updated, counts, reused) = await database.WithDbAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = new List<int>();
            foreach (var id in new[] { "WEB-1", "WEB-2", "WEB-9" })
                rows.Add(await db.Database.ExecuteSqlAsync($"UPDATE \"Orders\" SET \"CustomerName\" = 'Renamed' WHERE \"ExternalOrderId\" = {id}"));
            var scalars = new List<object?>();
            foreach (var name in new[] { "Renamed", "nobody" })
                scalars.Add(await Scalar(db, name));
            var counted = SqliteStatementCache.Count(connection).Reused;
            await transaction.CommitAsync();
            return (rows, scalars, counted);
        });

        Assert.Equal([1, 1, 0], updated);
        Assert.Equal([2L, 0L], counts);
        Assert.Equal(3, reused);
        Assert.Equal(["Renamed", "Renamed"],
            await database.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.ExternalOrderId != "WEB-3").Select(o => o.Customer.Name).ToListAsync()));
    }

    /// <summary>A scalar through EF Core's own command pipeline, as its migrations and raw commands run one.</summary>
    private static Task<object?> Scalar(ErpDbContext db, string name)
    {
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create()
            .Append("SELECT COUNT(*) FROM \"Orders\" WHERE \"CustomerName\" = @name")
            .AddParameter("name", "@name", db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(string))!, nullable: false);
        return builder.Build().ExecuteScalarAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), new Dictionary<string, object?> { ["name"] = name }, null, db,
            db.GetService<IRelationalCommandDiagnosticsLogger>()));
    }
}
