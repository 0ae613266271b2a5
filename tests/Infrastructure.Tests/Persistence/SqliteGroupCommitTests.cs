using System.Collections.Concurrent;
using System.Data.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// The saves waiting for one SQLite file commit together (decision 052), each with its own result. Each test holds the
/// writer while it queues its saves, so they form one group whatever the machine's speed.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task MixedGroup_TheBadSavesFailAloneWithTheirOwnErrors_TheGoodOnesCommitWithTheirOutboxRowsInQueueOrder()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var existing = new OrderBuilder().WithExternalId("WEB-0").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(database, existing);
        var queue = QueueOf(database);
        var before = GroupTotals(database);

        await using var first = database.Scope();
        await using var duplicate = database.Scope();
        await using var second = database.Scope();
        await using var holdOnExisting = database.Scope();
        await using var staleCancel = database.Scope();
        await using var third = database.Scope();
        var firstOrder = Add(first, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        Add(duplicate, new OrderBuilder().WithExternalId("WEB-1").WithCustomer("other@example.com", "Other").CapturedAt(ErpTestHost.Start).Build());
        var secondOrder = Add(second, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        var held = (await holdOnExisting.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(existing.Id, default))!;
        var stale = (await staleCancel.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(existing.Id, default))!;
        held.PlaceHold(HoldType.Manual, "check stock", Actors.Operations, ErpTestHost.Start.AddMinutes(1));
        stale.Cancel("customer asked", Actors.Operations, ErpTestHost.Start.AddMinutes(2));
        var thirdOrder = Add(third, new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).Build());
        var sequenceBefore = await LastSequenceAsync(database);

        Task<Result>[] saves;
        using (queue.TakeWriterTurn())
            saves = [.. new[] { first, duplicate, second, holdOnExisting, staleCancel, third }.Select(SaveAsync)];
        var results = await Task.WhenAll(saves);

        Assert.Equal([true, false, true, true, false, true], results.Select(r => r.IsSuccess));
        Assert.Equal(PersistenceErrors.DuplicateKey, results[1].Error.Code);
        Assert.Equal(PersistenceErrors.ConcurrencyConflict, results[4].Error.Code);
        Assert.Equal((before.Groups + 1, before.Saves + 6), GroupTotals(database));
        // Only the good saves' events, numbered one after the other in the order the saves queued.
        var rows = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Sequence > sequenceBefore).OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal(
            [(firstOrder.Id.ToString(), nameof(OrderCaptured)), (secondOrder.Id.ToString(), nameof(OrderCaptured)),
             (existing.Id.ToString(), nameof(OrderHoldPlaced)), (thirdOrder.Id.ToString(), nameof(OrderCaptured))],
            rows.Select(r => (r.AggregateId, r.EventType)));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => sequenceBefore + i), rows.Select(r => r.Sequence));
        var stored = await database.LoadAsync(existing.Id.Value);
        Assert.Equal(OrderStatus.Captured, stored.Status);
        Assert.Single(stored.Holds);
        Assert.Equal(["WEB-0", "WEB-1", "WEB-2", "WEB-3"],
            await database.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync()));
        Assert.Equal("anna.schmidt@example.com", (await database.LoadAsync(firstOrder.Id.Value)).Customer.Email);
    }

    [Fact]
    public async Task ConcurrentCaptures_OfTheSameExternalIdWithDifferentContent_OneWinsTheOtherIsRefusedAndTheRestCommit()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { SeedDemoData = true });
        var queue = QueueOf(database);
        var before = GroupTotals(database);
        var commands = new[]
        {
            new OrderBuilder().WithExternalId("FLASH-1").BuildCommand(),
            new OrderBuilder().WithExternalId("FLASH-2").BuildCommand(),
            new OrderBuilder().WithExternalId("FLASH-1").WithCustomer("other@example.com", "Other Buyer").BuildCommand(),
            new OrderBuilder().WithExternalId("FLASH-3").BuildCommand(),
            new OrderBuilder().WithExternalId("FLASH-4").WithLine("NO-SUCH-SKU", 1).BuildCommand(),
        };

        Task<Result<CapturedOrder>>[] captures;
        using (queue.TakeWriterTurn())
        {
            captures = [.. commands.Select(c => Task.Run(() => database.SendAsync<CaptureOrder, CapturedOrder>(c)))];
            // Four captures reach the queue, and the audit entry of the unknown SKU's capture, refused before it wrote the order.
            await Until(() => queue.Waiting == 5, () => $"{queue.Waiting} saves waiting");
        }
        var results = await Task.WhenAll(captures);

        // One group of five, then the refusal of the FLASH-1 capture that lost, in a save of its own.
        Assert.Equal((before.Groups + 2, before.Saves + 6), GroupTotals(database));
        Assert.True(results[1].IsSuccess && results[3].IsSuccess);
        Assert.Equal(OrderErrors.UnknownSkuCode, Assert.Single(results[4].Errors).Code);
        // Whichever of the two FLASH-1 captures queued first won; the other is told it conflicts with it.
        var flashOne = new[] { results[0], results[2] };
        Assert.Single(flashOne, r => r.IsSuccess && !r.Value.WasAlreadyCaptured);
        Assert.Equal(OrderErrors.DuplicateCaptureConflictCode, Assert.Single(flashOne, r => r.IsFailure).Error.Code);
        Assert.Equal(["FLASH-1", "FLASH-2", "FLASH-3"],
            await database.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync()));
        Assert.Equal(3, await database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventType == nameof(OrderCaptured))));
    }

    [Fact]
    public async Task GroupWhoseCommitFails_LeavesNothingWritten_EveryMemberSeesTheFailure_AndARetryNumbersItsRowsAfterLaterCommits()
    {
        var fault = new FailingCommit();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(fault)),
        });
        var queue = QueueOf(database);
        await using var first = database.Scope();
        await using var duplicate = database.Scope();
        await using var second = database.Scope();
        Add(first, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        Add(duplicate, new OrderBuilder().WithExternalId("WEB-1").WithCustomer("other@example.com", "Other").CapturedAt(ErpTestHost.Start).Build());
        // Saved on the context itself (not the unit of work, which empties its context on failure) to retry it below.
        var retried = second.ServiceProvider.GetRequiredService<ErpDbContext>();
        var secondOrder = Add(second, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());

        fault.Armed = true;
        Task<Result> firstSave, duplicateSave;
        Task<int> secondSave;
        using (queue.TakeWriterTurn())
        {
            firstSave = SaveAsync(first);
            duplicateSave = SaveAsync(duplicate);
            secondSave = retried.SaveChangesAsync();
        }

        Assert.Same(FailingCommit.Failure, await Assert.ThrowsAsync<InvalidOperationException>(() => firstSave));
        Assert.Equal(PersistenceErrors.DuplicateKey, (await duplicateSave).Error.Code);
        Assert.Same(FailingCommit.Failure, await Assert.ThrowsAsync<InvalidOperationException>(() => secondSave));
        Assert.Equal(0, await database.WithDbAsync(db => db.Orders.CountAsync()));
        Assert.Equal(0, await database.WithDbAsync(db => db.OutboxMessages.CountAsync()));

        fault.Armed = false;
        var later = new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(database, later);
        Assert.True(await retried.SaveChangesAsync() > 0);
        // The retry's outbox row is numbered after the commit that came between (decision 001), not with the lost group's number.
        var rows = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal([later.Id.ToString(), secondOrder.Id.ToString()], rows.Select(r => r.AggregateId));
        Assert.Equal([1L, 2L], rows.Select(r => r.Sequence));
        // The context that joined the group is back on its own connection and keeps working.
        Assert.Equal(2, await retried.Orders.CountAsync());
    }

    [Fact]
    public async Task AMemberWhoseContextThrowsAcceptingTheCommit_FailsWithThat_AndEveryOtherMemberIsAnsweredCommitted()
    {
        var commit = new FailingCommit();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(commit)),
        });
        var queue = QueueOf(database);
        var scopes = Enumerable.Range(1, 3).Select(_ => database.Scope()).ToList();
        Add(scopes[0], new OrderBuilder().WithExternalId("WEB-0").CapturedAt(ErpTestHost.Start).Build());
        Add(scopes[2], new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        // The second member saves a row EF Core writes and accepts only after the group's commit (an order's rows are marked
        // saved as they are appended), and its context refuses that change once the commit is on disk.
        var context = scopes[1].ServiceProvider.GetRequiredService<ErpDbContext>();
        context.OutboxCheckpoints.Add(new OutboxCheckpoint("test-consumer"));
        var refusal = new InvalidOperationException("The context refused to accept its changes.");
        context.ChangeTracker.StateChanged += (_, change) =>
        {
            if (commit.Committed && change.NewState == EntityState.Unchanged)
                throw refusal;
        };

        commit.Committed = false;
        Task<Result>[] saves;
        using (queue.TakeWriterTurn())
            saves = [SaveAsync(scopes[0]), SavedAsync(context.SaveChangesAsync()), SaveAsync(scopes[2])];

        var answered = await Task.WhenAll(saves.Select(Answer)).WaitAsync(Bound);
        Assert.True(answered[0].IsSuccess);
        Assert.Same(refusal, answered[1].Failure);
        Assert.True(answered[2].IsSuccess);
        // The commit holds all three, as EF Core's own save leaves its rows committed when accepting them throws.
        Assert.Equal(["WEB-0", "WEB-2"],
            await database.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync()));
        Assert.True(await database.WithDbAsync(db => db.OutboxCheckpoints.AnyAsync(c => c.Consumer == "test-consumer")));
        foreach (var scope in scopes)
            await scope.DisposeAsync();

        static async Task<Result> SavedAsync(Task<int> save)
        {
            await save;
            return Result.Success();
        }
    }

    [Fact]
    public async Task AMemberWhoseContextThrowsTakingBackARolledBackGroup_FailsWithThat_AndEveryOtherMemberSeesTheGroupsFailure()
    {
        var fault = new FailingCommit();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(fault)),
        });
        var queue = QueueOf(database);
        var scopes = Enumerable.Range(1, 3).Select(_ => database.Scope()).ToList();
        for (var i = 0; i < scopes.Count; i++)
            Add(scopes[i], new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build());
        // The second member's context refuses to take its rows back as unsaved once the group's commit has failed.
        var refusal = new InvalidOperationException("The context refused to take its rows back.");
        scopes[1].ServiceProvider.GetRequiredService<ErpDbContext>().ChangeTracker.StateChanged += (_, change) =>
        {
            if (fault.Refused && change.NewState == EntityState.Added)
                throw refusal;
        };

        fault.Armed = true;
        Task<Result>[] saves;
        using (queue.TakeWriterTurn())
            saves = [.. scopes.Select(SaveAsync)];

        var answered = await Task.WhenAll(saves.Select(Answer)).WaitAsync(Bound);
        Assert.Equal([FailingCommit.Failure, refusal, FailingCommit.Failure], answered.Select(a => a.Failure));
        Assert.Equal(0, await database.WithDbAsync(db => db.Orders.CountAsync()));
        foreach (var scope in scopes)
            await scope.DisposeAsync();
    }

    [Fact]
    public async Task LoneSave_CommitsAloneAtOnce_AndASaveInTheCallersTransactionIsNotQueued()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var queue = QueueOf(database);
        var before = GroupTotals(database);

        await OrderPersistenceTests.SaveAsync(database, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        Assert.Equal((before.Groups + 1, before.Saves + 1), GroupTotals(database));

        // The caller's transaction holds the file: its save commits with it, even while a group would wait for the writer.
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Add(scope, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
            using (queue.TakeWriterTurn())
                Assert.True((await SaveAsync(scope)).IsSuccess);
            await transaction.CommitAsync();
        }
        Assert.Equal((before.Groups + 1, before.Saves + 1), GroupTotals(database));
        Assert.Equal(2, await database.WithDbAsync(d => d.Orders.CountAsync()));
    }

    [Fact]
    public async Task SaveCancelledWhileItWaits_FailsWithoutWriting_AndTheRestOfItsGroupCommits()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var queue = QueueOf(database);
        await using var first = database.Scope();
        await using var cancelled = database.Scope();
        await using var third = database.Scope();
        var firstOrder = Add(first, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        Add(cancelled, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        var thirdOrder = Add(third, new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).Build());
        using var cancellation = new CancellationTokenSource();

        Task<Result> firstSave, cancelledSave, thirdSave;
        using (queue.TakeWriterTurn())
        {
            firstSave = SaveAsync(first);
            cancelledSave = cancelled.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellation.Token);
            thirdSave = SaveAsync(third);
            await cancellation.CancelAsync();
            // Waiting does not observe the token: the save is answered when its group reaches it.
            Assert.False(cancelledSave.IsCompleted);
        }

        Assert.True((await firstSave).IsSuccess);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledSave);
        Assert.True((await thirdSave).IsSuccess);
        Assert.Equal([firstOrder.Id.ToString(), thirdOrder.Id.ToString()],
            await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).Select(m => m.AggregateId).ToListAsync()));
    }

    [Fact]
    public async Task ASaveCancelledBeforeItsTurn_GivesItsPreparedOutboxRowsToTheTracker_SoTheContextsRetryWritesThemOnce()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var queue = QueueOf(database);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var order = Add(scope, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
        using var cancellation = new CancellationTokenSource();

        Task<int> cancelled;
        using (queue.TakeWriterTurn())
        {
            // Prepared (its events taken from the order and serialised) before it queues; cancelled before the writer reaches it.
            cancelled = db.SaveChangesAsync(cancellation.Token);
            await cancellation.CancelAsync();
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(0, await database.WithDbAsync(d => d.OutboxMessages.CountAsync()));

        await db.SaveChangesAsync();
        Assert.Equal([(order.Id.ToString(), nameof(OrderCaptured))],
            (await database.WithDbAsync(d => d.OutboxMessages.AsNoTracking().Select(m => new { m.AggregateId, m.EventType }).ToListAsync()))
                .Select(m => (m.AggregateId, m.EventType)));
    }

    [Fact]
    public async Task GroupSizeOne_CommitsEverySaveAloneInQueueOrder()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Settings = new Dictionary<string, string?> { [DatabaseOptions.SqliteMaxGroupSizeKey] = "1" },
        });
        var queue = QueueOf(database);
        var before = GroupTotals(database);
        var scopes = Enumerable.Range(1, 3).Select(_ => database.Scope()).ToList();
        var orders = scopes.Select((scope, i) => Add(scope, new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build())).ToList();

        Task<Result>[] saves;
        using (queue.TakeWriterTurn())
            saves = [.. scopes.Select(SaveAsync)];

        Assert.All(await Task.WhenAll(saves), r => Assert.True(r.IsSuccess));
        Assert.Equal((before.Groups + 3, before.Saves + 3), GroupTotals(database));
        Assert.Equal(orders.Select(o => o.Id.ToString()),
            await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).Select(m => m.AggregateId).ToListAsync()));
        foreach (var scope in scopes)
            await scope.DisposeAsync();
    }

    [Fact]
    public async Task GroupsInARow_WriteOnOneConnectionThatKeepsItsStatementsPrepared_UntilTheQueueEmpties()
    {
        var saves = new SavesSeen();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Settings = new Dictionary<string, string?> { [DatabaseOptions.SqliteMaxGroupSizeKey] = "1" },
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(saves)),
        });
        var queue = QueueOf(database);
        var scopes = Enumerable.Range(1, 4).Select(_ => database.Scope()).ToList();
        for (var i = 0; i < scopes.Count; i++)
            Add(scopes[i], new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build());

        Task<Result>[] queued;
        using (queue.TakeWriterTurn())
            queued = [.. scopes.Take(3).Select(SaveAsync)];
        Assert.All(await Task.WhenAll(queued), r => Assert.True(r.IsSuccess));
        var inARow = saves.Seen.ToList();

        // Three groups of one on the same open connection: the second starts with the statements the first prepared still
        // kept, and by the third it has run some of them again.
        Assert.Equal(3, inARow.Count);
        Assert.All(inARow, seen => Assert.Same(inARow[0].Connection, seen.Connection));
        Assert.Equal((0, 0L), (inARow[0].Kept, inARow[0].Reused));
        Assert.True(inARow[1].Kept > 0, "The first group's statements were not kept for the second.");
        Assert.True(inARow[2].Reused > 0, "The second group prepared its statements again.");
        // The queue emptied: the connection went back (a file no save is writing holds no writer open).
        Assert.Equal(System.Data.ConnectionState.Closed, inARow[0].Connection.State);

        Assert.True((await SaveAsync(scopes[3])).IsSuccess);
        Assert.NotSame(inARow[0].Connection, saves.Seen.Last().Connection);
        foreach (var scope in scopes)
            await scope.DisposeAsync();
    }

    [Fact]
    public async Task ASaveAloneInItsGroupThatFailsAfterWriting_LeavesNothingOfItsOwn_AndTheNextGroupCommitsOnTheSameConnection()
    {
        var saves = new SavesSeen();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Settings = new Dictionary<string, string?> { [DatabaseOptions.SqliteMaxGroupSizeKey] = "1" },
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(saves)),
        });
        var existing = new OrderBuilder().WithExternalId("WEB-0").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(database, existing);
        // The cancellation's outbox row is refused after its order and timeline rows were written: the save fails having written.
        await database.ExecuteSqlAsync(
            $"CREATE TRIGGER refuse_cancel BEFORE INSERT ON OutboxMessages WHEN NEW.EventType = '{nameof(OrderCancelled)}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        var queue = QueueOf(database);
        await using var cancel = database.Scope();
        await using var third = database.Scope();
        var cancelled = (await cancel.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(existing.Id, default))!;
        cancelled.Cancel("customer asked", Actors.Operations, ErpTestHost.Start.AddMinutes(2));
        var thirdOrder = Add(third, new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).Build());
        var sequenceBefore = await LastSequenceAsync(database);
        saves.Seen.Clear();

        Task<Result> cancelSave, thirdSave;
        using (queue.TakeWriterTurn())
        {
            cancelSave = SaveAsync(cancel);
            thirdSave = SaveAsync(third);
        }

        Assert.Contains("refused by the test", (await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => cancelSave)).Message, StringComparison.Ordinal);
        Assert.True((await thirdSave).IsSuccess);
        // Two groups of one on one connection; the rows the cancellation wrote went back with its transaction.
        Assert.Equal(2, saves.Seen.Count);
        Assert.Single(saves.Seen.Select(s => s.Connection).Distinct());
        var stored = await database.LoadAsync(existing.Id.Value);
        Assert.Equal((OrderStatus.Captured, 1), (stored.Status, stored.Timeline.Count));
        Assert.Equal([(thirdOrder.Id.ToString(), nameof(OrderCaptured))],
            await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Sequence > sequenceBefore)
                .Select(m => ValueTuple.Create(m.AggregateId, m.EventType)).ToListAsync()));
    }

    [Theory]
    [InlineData("Full", 2)]
    [InlineData("Normal", 1)]
    public async Task TheGroupsConnection_FlushesAsConfigured(string mode, long expectedPragma)
    {
        var saves = new SavesSeen();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Settings = new Dictionary<string, string?> { [DatabaseOptions.SqliteSynchronousKey] = mode },
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(saves)),
        });

        await OrderPersistenceTests.SaveAsync(database, new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());

        Assert.Equal(expectedPragma, Assert.Single(saves.Seen).Synchronous);
    }

    [Fact]
    public async Task TheGroupsConnection_JournalsItsSavepointsInMemory_FromWhichAFailingMemberIsRolledBackAlone()
    {
        var saves = new SavesSeen();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with
        {
            Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(saves)),
        });
        var existing = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(database, existing);
        var queue = QueueOf(database);
        await using var good = database.Scope();
        await using var duplicate = database.Scope();
        Add(good, new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start).Build());
        Add(duplicate, new OrderBuilder().WithExternalId("WEB-1").WithCustomer("other@example.com", "Other").CapturedAt(ErpTestHost.Start).Build());
        saves.Seen.Clear();

        Task<Result> goodSave, duplicateSave;
        using (queue.TakeWriterTurn())
        {
            goodSave = SaveAsync(good);
            duplicateSave = SaveAsync(duplicate);
        }

        // One group of two members, each in its savepoint, journalled in memory (SQLite's temp_store 2): the duplicate's
        // rows are rolled back from that journal alone and the other member commits.
        Assert.True((await goodSave).IsSuccess);
        Assert.Equal(PersistenceErrors.DuplicateKey, (await duplicateSave).Error.Code);
        Assert.Equal([2L, 2L], saves.Seen.Select(s => s.TempStore));
        Assert.Equal(["WEB-1", "WEB-2"],
            await database.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync()));
    }

    [Fact]
    public async Task TheWritersConnection_GoesBackToThePoolStoringTemporaryFilesAsBuilt()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        // The test hosts open their files without a pool; the product's connection strings pool.
        var pooled = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ToString();
        var saves = new SavesSeen();
        var options = new DbContextOptionsBuilder<SqliteErpDbContext>();
        SqliteErpDbContext.Configure(options, pooled);
        options.AddInterceptors(saves);
        var opened = new List<Microsoft.Data.Sqlite.SqliteConnection>();
        try
        {
            await using (var db = new SqliteErpDbContext(options.Options))
            {
                db.Orders.Add(new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build());
                await db.SaveChangesAsync();
            }
            var writer = Assert.Single(saves.Seen);
            Assert.Equal(2L, writer.TempStore);
            Assert.Equal(System.Data.ConnectionState.Closed, writer.Connection.State);

            // The queue emptied and gave its connection back; the pool hands that native connection to a reader, which stores
            // its temporary files as built again (temp_store 0): a reader's large sort does not stay in memory.
            while (opened.All(c => c.Handle != writer.Handle) && opened.Count < 16)
            {
                opened.Add(new Microsoft.Data.Sqlite.SqliteConnection(pooled));
                await opened[^1].OpenAsync();
            }
            var reader = Assert.Single(opened, c => c.Handle == writer.Handle);
            await using var command = reader.CreateCommand();
            command.CommandText = "PRAGMA temp_store;";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            foreach (var connection in opened)
                await connection.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(pooled));
        }
    }

    [Fact]
    public async Task EveryGroup_RecordsHowManySavesItCommitted_AndEveryTurnHowLongItHeldTheWriter_UnderItsDatabaseFile()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var path = FileOf(database);
        // The group commit's meter is the process's own (no IMeterFactory scope).
        using var groupSizes = new MetricCollector<int>(null, ProjectionLagMetrics.MeterName, SqliteGroupCommit.GroupSizeName);
        using var writerBusy = new MetricCollector<double>(null, ProjectionLagMetrics.MeterName, SqliteGroupCommit.WriterBusyName);
        var queue = QueueOf(database);
        var scopes = Enumerable.Range(1, 4).Select(_ => database.Scope()).ToList();
        for (var i = 0; i < scopes.Count; i++)
            Add(scopes[i], new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start).Build());

        Task<Result>[] saves;
        using (queue.TakeWriterTurn())
            saves = [.. scopes.Take(3).Select(SaveAsync)];
        Assert.All(await Task.WhenAll(saves), r => Assert.True(r.IsSuccess));
        Assert.True((await SaveAsync(scopes[3])).IsSuccess);

        // Other tests write other files meanwhile: only this file's measurements count.
        var file = new KeyValuePair<string, object?>(SqliteGroupCommit.DatabaseTag, path);
        Assert.Equal([3, 1], groupSizes.GetMeasurementSnapshot().Where(m => m.ContainsTags(file)).Select(m => m.Value));
        // The test's own turn, then the two groups'.
        var busy = writerBusy.GetMeasurementSnapshot().Where(m => m.ContainsTags(file)).Select(m => m.Value).ToList();
        Assert.Equal(3, busy.Count);
        Assert.All(busy, seconds => Assert.True(seconds > 0, $"A turn of {seconds} s."));
        foreach (var scope in scopes)
            await scope.DisposeAsync();
    }

    private static string FileOf(ErpTestHost database)
    {
        using var scope = database.Scope();
        return DatabaseOptions.SqliteFile(scope.ServiceProvider.GetRequiredService<ErpDbContext>().Database.GetConnectionString()!)!;
    }

    internal static Order Add(AsyncServiceScope scope, Order order)
    {
        scope.ServiceProvider.GetRequiredService<IOrderRepository>().Add(order);
        return order;
    }

    /// <summary>How long a test waits for a queued save to be answered: past it, the queue has left the save waiting.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>A save's answer: its result, or the exception it threw.</summary>
    private static async Task<(bool IsSuccess, Exception? Failure)> Answer(Task<Result> save)
    {
        try
        {
            var result = await save;
            return (result.IsSuccess, null);
        }
        catch (Exception exception)
        {
            return (false, exception);
        }
    }

    internal static Task<Result> SaveAsync(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);

    internal static SqliteGroupCommit QueueOf(ErpTestHost database)
    {
        using var scope = database.Scope();
        return SqliteGroupCommit.For(scope.ServiceProvider.GetRequiredService<ErpDbContext>())!;
    }

    private static (long Groups, long Saves) GroupTotals(ErpTestHost database) => QueueOf(database).Totals;

    private static Task<long> LastSequenceAsync(ErpTestHost database) =>
        database.WithDbAsync(async db => await db.OutboxMessages.MaxAsync(m => (long?)m.Sequence) ?? 0);

    private static async Task Until(Func<bool> condition, Func<string> state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not there after 30 s: {state()}.");
            await Task.Delay(1);
        }
    }

    /// <summary>
    /// Each save's connection as it starts writing: the statements it keeps prepared, how many runs reused one, its synchronous
    /// mode, where it keeps temporary storage, and its native connection (which the pool hands out again after it closes).
    /// </summary>
    private sealed class SavesSeen : SaveChangesInterceptor
    {
        public ConcurrentQueue<(Microsoft.Data.Sqlite.SqliteConnection Connection, int Kept, long Reused, long Synchronous, long TempStore, SQLitePCL.sqlite3? Handle)> Seen { get; } = new();

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var database = eventData.Context!.Database;
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)database.GetDbConnection();
            var (kept, reused) = SqliteStatementCache.Count(connection);
            await using var command = connection.CreateCommand();
            command.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction?)database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            command.CommandText = "PRAGMA temp_store;";
            Seen.Enqueue((connection, kept, reused, synchronous, (long)(await command.ExecuteScalarAsync(cancellationToken))!, connection.Handle));
            return result;
        }
    }

    /// <summary>The disk refusing the group's commit when armed, as a crash before it would; says whether a commit was refused or made.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public static readonly InvalidOperationException Failure = new("The disk refused the commit.");

        public bool Armed { get; set; }

        public bool Refused { get; private set; }

        /// <summary>Set by the next commit once the test clears it.</summary>
        public bool Committed { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (!Armed)
                return ValueTask.FromResult(result);
            Refused = true;
            throw Failure;
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed = true;
            return Task.CompletedTask;
        }
    }
}
