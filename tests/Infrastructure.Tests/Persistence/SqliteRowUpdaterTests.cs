using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// On SQLite the changes of an order's own row and of its lines are written with one prepared UPDATE per table and set of
/// changed columns after EF Core's save, in the same transaction (decision 079). The update checks the order's version as EF
/// Core's does; the entities stay tracked, their original values the written ones once the save commits, and a save that fails
/// gives the changes back with the original values they had, so the same context can save them again.
/// </summary>
public sealed class SqliteRowUpdaterTests
{
    private static readonly string[] OrderTables = ["Orders", "OrderLines"];

    [Fact]
    public async Task AnOrdersAndItsLinesChanges_AreUpdatedOutsideEfCore_StoredAsEfCoreStoresThem_AndTheContextSavesAgain()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var byEfCore = await SaveNewAsync(database, "WEB-1");
        var updated = await SaveNewAsync(database, "WEB-2");
        // The same change twice: in a caller's transaction EF Core writes it, on its own the save updates the rows itself.
        await using (var tracked = database.Scope())
        {
            Pick(await LoadAsync(tracked, byEfCore));
            await SqliteRowAppenderTests.SaveInCallersTransactionAsync(tracked);
        }
        await using var scope = database.Scope();
        var picked = await LoadAsync(scope, updated);
        var context = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var loadedVersion = picked.Version;
        Pick(picked);

        using (var commands = new EfCoreCommands(context))
        {
            Assert.True((await SaveAsync(scope)).IsSuccess);
            Assert.DoesNotContain(commands.Texts, t => OrderTables.Any(table => t.Contains($"UPDATE \"{table}\"", StringComparison.Ordinal)));
        }

        foreach (var table in OrderTables)
            Assert.Equal(await StoredAsync(database, table, byEfCore), await StoredAsync(database, table, updated));
        Assert.Equal(OrderView(picked), OrderView(await database.LoadAsync(updated)));
        Assert.Equal([2, 1], (await database.LoadAsync(updated)).Lines.Select(l => l.PickedQuantity));
        // Saved: unchanged, the version it wrote now its original one.
        var entry = context.Entry(picked);
        Assert.Equal(EntityState.Unchanged, entry.State);
        Assert.Equal(loadedVersion + 2, Assert.IsType<int>(entry.Property(nameof(AggregateRoot.Version)).OriginalValue));
        Assert.All(context.ChangeTracker.Entries<OrderLine>(), line => Assert.Equal(EntityState.Unchanged, line.State));

        // So the same context's next change saves against that version.
        Assert.True(picked.Pack(1, Actors.Warehouse, ErpTestHost.Start.AddHours(3)).IsSuccess);
        Assert.True((await SaveAsync(scope)).IsSuccess);
        var packed = await database.LoadAsync(updated);
        Assert.Equal((OrderStatus.Packed, loadedVersion + 3), (packed.Status, packed.Version));
    }

    [Fact]
    public async Task AStaleVersion_FailsTheSaveAsEfCoreDoes_WritesNothingOfIt_AndGivesTheChangesBack()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var orderId = await SaveNewAsync(database, "WEB-1");
        await using var first = database.Scope();
        await using var second = database.Scope();
        var winner = await LoadAsync(first, orderId);
        var stale = await LoadAsync(second, orderId);
        var loadedVersion = stale.Version;
        Assert.True(winner.PlaceHold(HoldType.Manual, "customer called", Actors.Operations, ErpTestHost.Start.AddHours(1)).IsSuccess);
        Assert.True((await SaveAsync(first)).IsSuccess);

        Pick(stale);
        var context = second.ServiceProvider.GetRequiredService<ErpDbContext>();
        var failure = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Same(stale, Assert.Single(failure.Entries).Entity);
        var stored = await database.LoadAsync(orderId);
        Assert.Equal((OrderStatus.Released, loadedVersion + 1), (stored.Status, stored.Version));
        Assert.DoesNotContain(stored.Timeline, t => t.Action == TimelineAction.Picked);
        Assert.All(stored.Lines, line => Assert.Equal(0, line.PickedQuantity));
        // Changed again, as before the save: the version it was loaded at is still the one it checks.
        var entry = context.Entry(stale);
        Assert.Equal(EntityState.Modified, entry.State);
        Assert.Equal(loadedVersion, Assert.IsType<int>(entry.Property(nameof(AggregateRoot.Version)).OriginalValue));
        Assert.True(entry.Property(nameof(Order.Status)).IsModified);
        Assert.All(context.ChangeTracker.Entries<OrderLine>(), line => Assert.True(line.Property(nameof(OrderLine.PickedQuantity)).IsModified));

        // Through the unit of work the same race is the conflict's code, as it was when EF Core wrote the row.
        var holdId = winner.Holds.Single().Id;
        await using var third = database.Scope();
        var alsoStale = await LoadAsync(third, orderId);
        await using (var fourth = database.Scope())
        {
            Assert.True((await LoadAsync(fourth, orderId)).ReleaseHold(holdId, "sorted", Actors.Operations, ErpTestHost.Start.AddHours(2)).IsSuccess);
            Assert.True((await SaveAsync(fourth)).IsSuccess);
        }
        Assert.True(alsoStale.ReleaseHold(holdId, "sorted again", Actors.Operations, ErpTestHost.Start.AddHours(3)).IsSuccess);
        Assert.Equal(CommonErrors.Conflict, (await SaveAsync(third)).Error.Code);
        Assert.Equal(loadedVersion + 2, (await database.LoadAsync(orderId)).Version);
    }

    /// <summary>A change that leaves the version alone (a correction written through the tracker) is still checked at that version.</summary>
    [Fact]
    public async Task AChangeThatLeavesTheVersionAlone_IsCheckedAtTheVersionItWasRead()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var orderId = await SaveNewAsync(database, "WEB-1");
        await using var scope = database.Scope();
        var context = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var order = await LoadAsync(scope, orderId);
        context.Entry(order).Property(nameof(Order.Carrier)).CurrentValue = "DHL";

        Assert.True(await context.SaveChangesAsync() > 0);
        var stored = await database.LoadAsync(orderId);
        Assert.Equal(("DHL", order.Version), (stored.Carrier, stored.Version));

        // Moved on by another save, the same correction again is a stale row.
        await using (var other = database.Scope())
        {
            Pick(await LoadAsync(other, orderId));
            Assert.True((await SaveAsync(other)).IsSuccess);
        }
        context.Entry(order).Property(nameof(Order.Carrier)).CurrentValue = "UPS";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
        Assert.Equal("DHL", (await database.LoadAsync(orderId)).Carrier);
    }

    [Fact]
    public async Task AMemberWhoseUpdateFailsInAGroup_FailsAlone_TheOtherCommits_AndItsChangesAreBackForARetry()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var queue = SqliteGroupCommitTests.QueueOf(database);
        var ids = new[] { await SaveNewAsync(database, "WEB-1"), await SaveNewAsync(database, "WEB-2") };
        await using var first = database.Scope();
        await using var second = database.Scope();
        var orders = new[] { await LoadAsync(first, ids[0]), await LoadAsync(second, ids[1]) };
        var loadedVersion = orders[1].Version;
        foreach (var order in orders)
            Pick(order);
        var contexts = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<ErpDbContext>()).ToList();
        await database.ExecuteSqlAsync("""
            CREATE TRIGGER "RefuseSecondOrder" BEFORE UPDATE ON "Orders" WHEN OLD."ExternalOrderId" = 'WEB-2'
            BEGIN SELECT RAISE(ABORT, 'second refused'); END;
            """);
        var before = queue.Totals;

        Task<int>[] saves;
        using (queue.TakeWriterTurn())
            saves = [.. contexts.Select(c => c.SaveChangesAsync())];
        await saves[0];
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => saves[1]);

        Assert.Equal((before.Groups + 1, before.Saves + 2), queue.Totals);
        Assert.Contains("second refused", Assert.IsType<SqliteException>(failure.InnerException).Message, StringComparison.Ordinal);
        Assert.Same(orders[1], Assert.Single(failure.Entries).Entity);
        Assert.Equal(OrderStatus.Picking, (await database.LoadAsync(ids[0])).Status);
        var refused = await database.LoadAsync(ids[1]);
        Assert.Equal((OrderStatus.Released, loadedVersion), (refused.Status, refused.Version));
        Assert.DoesNotContain(refused.Timeline, t => t.Action == TimelineAction.Picked);
        var entry = contexts[1].Entry(orders[1]);
        Assert.Equal((EntityState.Modified, loadedVersion), (entry.State, Assert.IsType<int>(entry.Property(nameof(AggregateRoot.Version)).OriginalValue)));

        // The same context saves its changes again once the file takes them, and writes them once.
        await database.ExecuteSqlAsync("""DROP TRIGGER "RefuseSecondOrder";""");
        Assert.True(await contexts[1].SaveChangesAsync() > 0);
        var retried = await database.LoadAsync(ids[1]);
        Assert.Equal((OrderStatus.Picking, loadedVersion + 2), (retried.Status, retried.Version));
        Assert.Single(retried.Timeline, t => t.Action == TimelineAction.Picked);
    }

    /// <summary>Released with two lines in two shipments, saved: the order to pick.</summary>
    private static async Task<Guid> SaveNewAsync(ErpTestHost database, string externalId)
    {
        await using var scope = database.Scope();
        var order = SqliteGroupCommitTests.Add(scope, new OrderBuilder().WithExternalId(externalId).CapturedAt(ErpTestHost.Start)
            .WithLine("TEE-CREW-M-BLK", 2).WithLine("JEANS-SLIM-L-NVY", 1).InStatus(OrderStatus.Released).InTwoShipments().Build());
        Assert.True((await SaveAsync(scope)).IsSuccess);
        return order.Id.Value;
    }

    /// <summary>Picking started and the pick confirmed: the order's row, both lines and the timeline change.</summary>
    private static void Pick(Order order)
    {
        var started = order.StartPicking(Actors.Warehouse, ErpTestHost.Start.AddHours(1));
        Assert.True(started.IsSuccess, started.IsFailure ? started.Error.Message : null);
        var picked = order.ConfirmPick(Actors.Warehouse, ErpTestHost.Start.AddHours(2));
        Assert.True(picked.IsSuccess, picked.IsFailure ? picked.Error.Message : null);
    }

    private static async Task<Order> LoadAsync(AsyncServiceScope scope, Guid orderId) =>
        await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), default)
        ?? throw new InvalidOperationException($"Order {orderId} is not stored.");

    /// <summary>Each column's storage class and value of the order's rows in <paramref name="table"/> (one of OrderTables), ids and times left out.</summary>
    private static Task<List<string>> StoredAsync(ErpTestHost database, string table, Guid orderId) =>
        database.WithDbAsync(async db =>
        {
            // The table is one of OrderTables, not input.
            var columnsOf = $"SELECT name AS \"Value\" FROM pragma_table_info('{table}') ORDER BY cid";
            var columns = await db.Database.SqlQueryRaw<string>(columnsOf).ToListAsync();
            var values = string.Join(" || ' ' || ", columns.Where(c => c is not ("Id" or "OrderId" or "ExternalOrderId" or "CaptureFingerprint"))
                .Select(c => $"typeof(t.\"{c}\") || ':' || coalesce(t.\"{c}\", '')"));
            var owner = table == "Orders" ? "t.\"Id\"" : "t.\"OrderId\"";
            var rows = $"SELECT {values} AS \"Value\" FROM \"{table}\" t WHERE {owner} = {{0}} ORDER BY t.rowid";
            return await db.Database.SqlQueryRaw<string>(rows, orderId.ToString().ToUpperInvariant()).ToListAsync();
        });

    private static string OrderView(Order order) => Infrastructure.ReadModels.ReadModelJson.Serialize(Application.Orders.ReadModels.OrderView.From(order, 0));

    private static Task<Result> SaveAsync(AsyncServiceScope scope) => SqliteGroupCommitTests.SaveAsync(scope);
}
