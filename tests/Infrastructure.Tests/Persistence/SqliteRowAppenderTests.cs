using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadModelView = EcomErp.Application.Orders.ReadModels.OrderView;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// On SQLite a save with events writes the new timeline, ledger and audit rows with one prepared statement per table after
/// EF Core's save, in the same transaction (decision 073); the entities stay tracked as saved, and a save that fails gives them
/// back to the tracker as new, and reports a row it could not write as EF Core does (a DbUpdateException naming the row).
/// </summary>
public sealed class SqliteRowAppenderTests
{
    private const string TimelineForms = """
        SELECT typeof("OrderId") || (upper("OrderId") = "OrderId") || typeof("Sequence") || typeof("At") || typeof("ActorId") || typeof("ActorName")
            || typeof("Action") || typeof("HoldType") || typeof("From") || typeof("To") || typeof("Reason") AS "Value"
        FROM "OrderTimeline" WHERE "OrderId" = {0} ORDER BY "Sequence"
        """;

    private const string AuditForms = """
        SELECT typeof("Id") || typeof("Command") || typeof("ActorId") || typeof("ActorRoles") || typeof("SubjectKind") || typeof("ErrorCodes")
            || typeof("Changes") || typeof("RecordedAt") || "Command" AS "Value"
        FROM "AuditLog" ORDER BY "Command"
        """;

    [Fact]
    public async Task AppendedRows_AreStoredAsEfCoreStoresThem_ReadBackEqual_AndStayTrackedAsSaved()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var placedAt = ErpTestHost.Start.AddMinutes(1);
        // Saved in the caller's transaction, the rows go through EF Core's save: the form to match.
        Order byEfCore;
        await using (var tracked = database.Scope())
        {
            var db = tracked.ServiceProvider.GetRequiredService<ErpDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            byEfCore = Add(tracked, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
            byEfCore.PlaceHold(HoldType.Manual, "customer called", Actors.Operations, placedAt);
            db.AuditLog.Add(AuditEntry.Succeeded("ByEfCore", Actors.Operations, null, [], placedAt));
            Assert.True((await SaveAsync(tracked)).IsSuccess);
            await transaction.CommitAsync();
        }
        await using var appendedScope = database.Scope();
        var appendedDb = appendedScope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var appended = Add(appendedScope, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        appended.PlaceHold(HoldType.Manual, "customer called", Actors.Operations, placedAt);
        appendedDb.AuditLog.Add(AuditEntry.Succeeded("Appended", Actors.Operations, null, [], placedAt));

        using (var commands = new EfCoreCommands(appendedDb))
        {
            Assert.True((await SaveAsync(appendedScope)).IsSuccess);
            // EF Core wrote the order and its line (its new hold, EF Core's to write, depends on the order, decision 075); the
            // timeline and audit rows were not its commands.
            Assert.Contains(commands.Texts, t => t.Contains("INSERT INTO \"Orders\"", StringComparison.Ordinal));
            Assert.DoesNotContain(commands.Texts, t => t.Contains("\"OrderTimeline\"", StringComparison.Ordinal) || t.Contains("\"AuditLog\"", StringComparison.Ordinal));
        }

        Assert.All(appendedDb.ChangeTracker.Entries().Where(e => e.Entity is TimelineEntry or AuditEntry), e => Assert.Equal(EntityState.Unchanged, e.State));
        Assert.Equal(await FormsAsync(database, TimelineForms, byEfCore.Id.Value), await FormsAsync(database, TimelineForms, appended.Id.Value));
        var audit = await FormsAsync(database, AuditForms);
        Assert.Equal(2, audit.Count);
        Assert.Equal(audit[0].Replace("Appended", "", StringComparison.Ordinal), audit[1].Replace("ByEfCore", "", StringComparison.Ordinal));
        var readBack = await database.LoadAsync(appended.Id.Value);
        Assert.Equal(Describe(appended), Describe(readBack));
        Assert.Equal(("Appended", Actors.Operations.Id, placedAt), await database.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.Command == "Appended").Select(e => new ValueTuple<string, string, DateTimeOffset>(e.Command, e.ActorId, e.RecordedAt)).SingleAsync()));

        // Tracked as saved: the next save of the same context writes only the entry it adds.
        appended.ReleaseHold(appended.Holds.Single().Id, "sorted", Actors.Operations, placedAt.AddMinutes(1));
        Assert.True((await SaveAsync(appendedScope)).IsSuccess);
        Assert.Equal([1, 2, 3], (await database.LoadAsync(appended.Id.Value)).Timeline.Select(t => t.Sequence));
    }

    [Fact]
    public async Task ANewOrderWithItsLinesAndShipments_IsAppended_StoredAsEfCoreStoresIt_AndChangedLaterOnTheSameContext()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        // Allocated in memory: the order, its two lines, two shipments with their lines and its timeline are all new rows.
        Order Allocated(string externalId) => new OrderBuilder().WithExternalId(externalId).CapturedAt(ErpTestHost.Start)
            .WithLine("TEE-CREW-M-BLK", 2).WithLine("JEANS-SLIM-L-NVY", 1).InStatus(OrderStatus.Allocated).InTwoShipments().Build();
        Order byEfCore;
        await using (var tracked = database.Scope())
        {
            var db = tracked.ServiceProvider.GetRequiredService<ErpDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            byEfCore = Add(tracked, Allocated("WEB-1"));
            Assert.True((await SaveAsync(tracked)).IsSuccess);
            await transaction.CommitAsync();
        }
        await using var appendedScope = database.Scope();
        var appendedDb = appendedScope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var appended = Add(appendedScope, Allocated("WEB-2"));

        using (var commands = new EfCoreCommands(appendedDb))
        {
            Assert.True((await SaveAsync(appendedScope)).IsSuccess);
            Assert.DoesNotContain(commands.Texts, t => OrderTables.Any(table => t.Contains($"\"{table}\"", StringComparison.Ordinal)));
        }

        Assert.Equal(2, appended.Shipments.Count);
        Assert.All(appendedDb.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        foreach (var table in OrderTables)
        {
            var written = await StoredFormsAsync(database, table, byEfCore.Id.Value);
            Assert.Equal(table switch
            {
                "Orders" => 1,
                "OrderLines" => byEfCore.Lines.Count,
                "OrderShipments" => byEfCore.Shipments.Count,
                _ => byEfCore.Shipments.Sum(s => s.Lines.Count),
            }, written.Count);
            Assert.Equal(written, await StoredFormsAsync(database, table, appended.Id.Value));
        }
        Assert.Equal(OrderView(byEfCore), OrderView(await database.LoadAsync(byEfCore.Id.Value)));
        Assert.Equal(OrderView(appended), OrderView(await database.LoadAsync(appended.Id.Value)));

        // Tracked as saved, with its version as the concurrency token: the next change of the same context saves; its new hold is
        // EF Core's to write, the order's own row is updated outside it (decision 079).
        Assert.True(appended.PlaceHold(HoldType.Manual, "customer called", Actors.Operations, ErpTestHost.Start.AddHours(1)).IsSuccess);
        using (var commands = new EfCoreCommands(appendedDb))
        {
            Assert.True((await SaveAsync(appendedScope)).IsSuccess);
            Assert.Contains(commands.Texts, t => t.Contains("INSERT INTO \"OrderHolds\"", StringComparison.Ordinal));
            Assert.DoesNotContain(commands.Texts, t => t.Contains("UPDATE \"Orders\"", StringComparison.Ordinal));
        }
        Assert.Equal(OrderView(appended), OrderView(await database.LoadAsync(appended.Id.Value)));
    }

    /// <summary>
    /// The order projection's first row of an order (decision 078): appended, stored as EF Core stores it; updated when the order
    /// moves on, outside EF Core too (decision 079), and stored as EF Core's update stores it.
    /// </summary>
    [Fact]
    public async Task AnOrdersFirstReadModelRow_IsAppended_AndUpdatedLater_BothStoredAsEfCoreStoresThem()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        ReadModelView Captured(string externalId) => ReadModelView.From(new OrderBuilder().WithExternalId(externalId)
            .WithCustomer($"{externalId}@example.com", "Read Model").CapturedAt(ErpTestHost.Start).WithLine("TEE-CREW-M-BLK", 2).Build(), 7);
        static OrderReadModel Row(ReadModelView view) => OrderReadModel.From(view, ReadModelJson.Serialize(view));
        var byEfCore = Captured("WEB-1");
        await using var trackedScope = database.Scope();
        var trackedDb = trackedScope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var trackedRow = trackedDb.Set<OrderReadModel>().Add(Row(byEfCore)).Entity;
        await SaveInCallersTransactionAsync(trackedScope);
        await using var appendedScope = database.Scope();
        var appendedDb = appendedScope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var appended = Captured("WEB-2");
        var row = appendedDb.Set<OrderReadModel>().Add(Row(appended)).Entity;

        using (var commands = new EfCoreCommands(appendedDb))
        {
            Assert.True((await SaveAsync(appendedScope)).IsSuccess);
            Assert.DoesNotContain(commands.Texts, t => t.Contains("\"OrderReadModels\"", StringComparison.Ordinal));
        }

        Assert.Equal(EntityState.Unchanged, appendedDb.Entry(row).State);
        Assert.Equal(await StoredFormsAsync(database, "OrderReadModels", byEfCore.Id), await StoredFormsAsync(database, "OrderReadModels", appended.Id));
        Assert.Equal(ReadModelJson.Serialize(appended), await DocumentAsync(database, appended.Id));

        // Tracked as saved: the order's next status updates the same row, outside EF Core, stored as EF Core's update stores it.
        var allocatedByEfCore = byEfCore with { Status = OrderStatus.Allocated, LastSequence = 9 };
        trackedRow.Apply(allocatedByEfCore, ReadModelJson.Serialize(allocatedByEfCore));
        await SaveInCallersTransactionAsync(trackedScope);
        var allocated = appended with { Status = OrderStatus.Allocated, LastSequence = 9 };
        row.Apply(allocated, ReadModelJson.Serialize(allocated));
        using (var commands = new EfCoreCommands(appendedDb))
        {
            Assert.True((await SaveAsync(appendedScope)).IsSuccess);
            Assert.DoesNotContain(commands.Texts, t => t.Contains("\"OrderReadModels\"", StringComparison.Ordinal));
        }
        Assert.Equal(EntityState.Unchanged, appendedDb.Entry(row).State);
        Assert.Equal(await StoredFormsAsync(database, "OrderReadModels", byEfCore.Id), await StoredFormsAsync(database, "OrderReadModels", appended.Id));
        Assert.Equal(ReadModelJson.Serialize(allocated), await DocumentAsync(database, appended.Id));
        Assert.Equal((OrderStatus.Allocated, 9L), await database.WithDbAsync(db => db.Set<OrderReadModel>().AsNoTracking()
            .Where(r => r.Id == appended.Id).Select(r => new ValueTuple<OrderStatus, long>(r.Status, r.LastSequence)).SingleAsync()));
    }

    [Fact]
    public async Task ASaveWithoutEvents_AppendsItsAuditRowTheSameWay_InItsOwnTransaction()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        // A refused command's entry: the only change of its save, which raises no event.
        db.AuditLog.Add(AuditEntry.Refused("Refused", Actors.Operations, null, [new Error("SOME_CODE", "No.")], ErpTestHost.Start));

        using (var commands = new EfCoreCommands(db))
        {
            Assert.Equal(1, await db.SaveChangesAsync());
            Assert.DoesNotContain(commands.Texts, t => t.Contains("\"AuditLog\"", StringComparison.Ordinal));
        }

        Assert.Equal(EntityState.Unchanged, Assert.Single(db.ChangeTracker.Entries<AuditEntry>()).State);
        Assert.Equal(["SOME_CODE"], await database.WithDbAsync(d => d.AuditLog.AsNoTracking().Select(e => e.ErrorCodes).SingleAsync()));
    }

    [Fact]
    public async Task AppendFailing_LeavesNothingOfTheSave_GivesTheRowsBackAsNew_AndARetryOfTheSameContextWritesThemOnce()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var order = Add(scope, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        await database.ExecuteSqlAsync("""
            CREATE TRIGGER "RefuseTimelineRows" BEFORE INSERT ON "OrderTimeline" BEGIN SELECT RAISE(ABORT, 'timeline refused'); END;
            """);

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("timeline refused", Assert.IsType<SqliteException>(failure.InnerException).Message, StringComparison.Ordinal);
        Assert.IsType<TimelineEntry>(Assert.Single(failure.Entries).Entity);
        Assert.Equal((0, 0), (await database.WithDbAsync(d => d.Orders.CountAsync()), await database.WithDbAsync(d => d.OutboxMessages.CountAsync())));
        Assert.Single(db.ChangeTracker.Entries<TimelineEntry>(), e => e.State == EntityState.Added);

        await database.ExecuteSqlAsync("""DROP TRIGGER "RefuseTimelineRows";""");
        Assert.True(await db.SaveChangesAsync() > 0);
        Assert.Equal([(1, TimelineAction.Captured)], (await database.LoadAsync(order.Id.Value)).Timeline.Select(t => (t.Sequence, t.Action)));
    }

    [Fact]
    public async Task AMemberWhoseAppendFailsInAGroup_FailsAlone_TheOtherCommits_AndTheFailedOnesRowsAreNewAgain()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var queue = SqliteGroupCommitTests.QueueOf(database);
        await using var first = database.Scope();
        await using var second = database.Scope();
        Add(first, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        Add(second, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        var contexts = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<ErpDbContext>()).ToList();

        // The second timeline row written refuses itself: whichever member appends second fails, inside its savepoint.
        await database.ExecuteSqlAsync("""
            CREATE TRIGGER "RefuseSecondOrder" AFTER INSERT ON "OrderTimeline" WHEN (SELECT count(*) FROM "OrderTimeline") > 1
            BEGIN SELECT RAISE(ABORT, 'second refused'); END;
            """);
        var before = queue.Totals;

        Task<int>[] saves;
        using (queue.TakeWriterTurn())
            saves = [.. contexts.Select(c => c.SaveChangesAsync())];
        await Assert.ThrowsAsync<DbUpdateException>(() => Task.WhenAll(saves));

        Assert.Equal((before.Groups + 1, before.Saves + 2), queue.Totals);
        Assert.Equal(1, await database.WithDbAsync(d => d.Orders.CountAsync()));
        Assert.Equal(1, await database.WithDbAsync(d => d.OutboxMessages.CountAsync()));
        var failed = Assert.Single(contexts, c => c.ChangeTracker.Entries<Order>().Single().State == EntityState.Added);
        Assert.Single(failed.ChangeTracker.Entries<TimelineEntry>(), e => e.State == EntityState.Added);
        Assert.Single(contexts, c => c.ChangeTracker.Entries<TimelineEntry>().Single().State == EntityState.Unchanged);
    }

    private static Task<List<string>> FormsAsync(ErpTestHost database, string sql, Guid? orderId = null) =>
        database.WithDbAsync(db => (orderId is { } id ? db.Database.SqlQueryRaw<string>(sql, id.ToString().ToUpperInvariant()) : db.Database.SqlQueryRaw<string>(sql)).ToListAsync());

    private static readonly string[] OrderTables = ["Orders", "OrderLines", "OrderShipments", "OrderShipmentLines"];

    /// <summary>Each column's storage class (and, for text, whether it is upper case) of the rows of one order in <paramref name="table"/>, in key order.</summary>
    private static async Task<List<string>> StoredFormsAsync(ErpTestHost database, string table, Guid orderId)
    {
        // The table is one of OrderTables or the order's read-model table, not input.
        var columnsOf = $"SELECT name AS \"Value\" FROM pragma_table_info('{table}') ORDER BY cid";
        var columns = await database.WithDbAsync(db => db.Database.SqlQueryRaw<string>(columnsOf).ToListAsync());
        var forms = string.Join(" || ' ' || ", columns.Select(c => $"typeof(t.\"{c}\") || coalesce(upper(t.\"{c}\") = t.\"{c}\", '')"));
        var owner = table switch
        {
            "Orders" or "OrderReadModels" => "t.\"Id\"",
            "OrderShipmentLines" => "(SELECT s.\"OrderId\" FROM \"OrderShipments\" s WHERE s.\"Id\" = t.\"ShipmentId\")",
            _ => "t.\"OrderId\"",
        };
        return await FormsAsync(database, $"SELECT {forms} AS \"Value\" FROM \"{table}\" t WHERE {owner} = {{0}} ORDER BY t.rowid", orderId);
    }

    private static Task<string> DocumentAsync(ErpTestHost database, Guid orderId) =>
        database.WithDbAsync(db => db.Set<OrderReadModel>().AsNoTracking().Where(r => r.Id == orderId).Select(r => r.Document).SingleAsync());

    private static string OrderView(Order order) => Infrastructure.ReadModels.ReadModelJson.Serialize(Application.Orders.ReadModels.OrderView.From(order, 0));

    private static List<string> Describe(Order order) =>
        [.. order.Timeline.Select(t => $"{t.Sequence} {t.At:O} {t.ActorId} {t.ActorName} {t.Action} {t.HoldType} {t.From} {t.To} {t.Reason}")];

    private static Order Add(AsyncServiceScope scope, Order order) => SqliteGroupCommitTests.Add(scope, order);

    private static Task<Result> SaveAsync(AsyncServiceScope scope) => SqliteGroupCommitTests.SaveAsync(scope);

    /// <summary>Saves the scope's changes in a transaction the caller opened, where EF Core writes every row: the form to compare with.</summary>
    internal static async Task SaveInCallersTransactionAsync(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True((await SaveAsync(scope)).IsSuccess);
        await transaction.CommitAsync();
    }
}
