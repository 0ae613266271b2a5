using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using EcomErp.Infrastructure.ReadModels.Projection;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// One write queue per database file for the saves of this process, committed in groups (decisions 012 and 052).
/// SQLite admits one writer at a time and, with <c>synchronous=FULL</c>, flushes the disk on every commit: saves that
/// commit alone pay one flush each. Here the saves that arrived while the last group was writing commit together in one
/// transaction (one flush); each runs inside its own savepoint, so a save that fails its own checks (a taken unique key,
/// a stale version, a constraint) is rolled back alone and the others commit (a save alone in its group needs none: its
/// failure leaves nothing to commit). Every save returns only after its group's
/// commit is on disk, or with the group's failure. A lone writer commits at once: there is no timer, the next group
/// simply forms while the current one writes. The groups write on one connection the queue keeps open while saves keep
/// coming, so its prepared statements and page cache carry from one group to the next (decision 065).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "One queue per database file, kept for the life of the process; its connection is closed whenever the queue empties.")]
internal sealed class SqliteGroupCommit
{
    private const string MemberSavepoint = "ecomerp_group_member";

    /// <summary>
    /// A group's savepoints journal the original of every page a member changes, so one member can be rolled back alone. SQLite
    /// writes that journal to a temporary file once it outgrows 64 KiB, which a group of captures did at nearly every commit:
    /// three quarters of the host's file writes under load went there (decision 076). On the writer's connection it is kept in
    /// memory; SQLite empties it as each member's savepoint is released, so it holds at most the pages one member changes.
    /// Durability does not depend on it: a transaction the disk has not taken is rolled back from the write-ahead log, as before.
    /// </summary>
    private const string SavepointJournalInMemory = "PRAGMA temp_store=MEMORY;";

    /// <summary>What the writer's connection goes back to the pool with: the build's setting, temporary files for readers' large sorts.</summary>
    private const string TemporaryStorageAsCompiled = "PRAGMA temp_store=DEFAULT;";

    public const string WriterBusyName = "ecomerp.sqlite.writer.busy";
    public const string GroupSizeName = "ecomerp.sqlite.group_commit.saves";

    /// <summary>The tag naming the database file (its full path: one process may write several) on both instruments.</summary>
    public const string DatabaseTag = "db.namespace";

    // The queues outlive any service provider (one per file for the process), so their instruments are the process's too;
    // listeners find them by the meter's name like the ones created through IMeterFactory.
    private static readonly Meter Meter = new(ProjectionLagMetrics.MeterName);

    private static readonly Counter<double> WriterBusy = Meter.CreateCounter<double>(WriterBusyName, unit: "s",
        description: "Time this process held the database file's writer (a group's write and commit, or a synchronous save). Its rate is the writer's utilisation: near 1, every save queues behind the one writing.");

    private static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>(GroupSizeName, unit: "{save}",
        description: "Saves committed together in one transaction of the group commit.");

    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> QueuesByFile = new(StringComparer.Ordinal);

    /// <summary>Connection strings resolved to their file's queue once, so a save does not parse its connection string.</summary>
    private static readonly ConcurrentDictionary<string, SqliteGroupCommit?> QueuesByConnectionString = new(StringComparer.Ordinal);

    /// <summary>The file's tag on the metrics.</summary>
    private readonly KeyValuePair<string, object?> _database;

    /// <summary>Held by the group being written (or a synchronous save), so writers of this process never meet the busy retry.</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    private readonly Queue<QueuedSave> _waiting = new();

    /// <summary>Bounds how long the first save of a group waits for the others and how much one failed commit takes with it.</summary>
    private int _maxGroupSize = DatabaseOptions.DefaultSqliteMaxGroupSize;

    /// <summary>How the writer's connection flushes its commits (<see cref="DatabaseOptions.SqliteSynchronous"/>).</summary>
    private SqliteSynchronous _synchronous = SqliteSynchronous.Full;

    /// <summary>
    /// The connection every group writes on, open while saves keep coming (only the save holding <see cref="_writer"/>
    /// touches it). It keeps its page cache and its prepared statements from one group to the next: in WAL mode a
    /// connection drops its cache whenever another connection has committed since it last read, which a group written on
    /// whichever save came first met at nearly every turn.
    /// </summary>
    private SqliteConnection? _connection;

    /// <summary>Whether a save is leading the queue: taking groups from it until it hands over or finds it empty.</summary>
    private bool _led;

    /// <summary>How many groups committed and how many saves they held (for the benchmark's orders per commit).</summary>
    private long _groups, _grouped;

    /// <summary>
    /// The queue for the context's file, or null when grouping would not help or could deadlock: an in-memory database,
    /// or a transaction the caller opened (it may hold the write lock across several saves, and its saves commit with it).
    /// </summary>
    public static SqliteGroupCommit? For(DbContext context) =>
        context.Database.CurrentTransaction is null && context.Database.GetConnectionString() is { } connectionString
            ? QueuesByConnectionString.GetOrAdd(connectionString, ForFile)
            : null;

    /// <summary>How many saves wait for the next group (the one being written not counted).</summary>
    internal int Waiting
    {
        get
        {
            lock (_waiting)
                return _waiting.Count;
        }
    }

    /// <summary>How many groups committed and how many saves they held, for measurements (orders per commit).</summary>
    internal (long Groups, long Saves) Totals => (Interlocked.Read(ref _groups), Interlocked.Read(ref _grouped));

    /// <summary>
    /// Sets how many saves one commit of the file holds at most (<see cref="DatabaseOptions.SqliteMaxGroupSize"/>) and how
    /// the writer's connection flushes (<see cref="DatabaseOptions.SqliteSynchronous"/>).
    /// </summary>
    public static void Configure(string connectionString, int maxGroupSize, SqliteSynchronous synchronous)
    {
        if (QueuesByConnectionString.GetOrAdd(connectionString, ForFile) is { } queue)
        {
            queue._maxGroupSize = maxGroupSize;
            queue._synchronous = synchronous;
        }
    }

    private SqliteGroupCommit(string file) => _database = new(DatabaseTag, file);

    private static SqliteGroupCommit? ForFile(string connectionString) =>
        DatabaseOptions.SqliteFile(connectionString) is { } file ? QueuesByFile.GetOrAdd(file, f => new SqliteGroupCommit(f)) : null;

    /// <summary>Waits for the writer outside any group (synchronous saves); dispose to let the next group write.</summary>
    public IDisposable TakeWriterTurn()
    {
        _writer.Wait();
        return new WriterTurn(this, Stopwatch.GetTimestamp());
    }

    private void Release(long heldSince)
    {
        WriterBusy.Add(Stopwatch.GetElapsedTime(heldSince).TotalSeconds, _database);
        _writer.Release();
    }

    public async Task<int> SaveAsync(SqliteErpDbContext context, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var save = new QueuedSave(context, acceptAllChangesOnSuccess, cancellationToken);
        bool leads;
        lock (_waiting)
        {
            _waiting.Enqueue(save);
            leads = !_led;
            _led = true;
        }
        // Waiting does not observe the token: the leader may hand this save the queue, and it must then lead. A save
        // cancelled while it waits fails when its group reaches it, before it writes anything.
        if (leads || await save.Woken.Task)
            await LeadAsync();
        return save.Outcome();
    }

    /// <summary>
    /// Writes one group from the head of the queue (the leader's own save is the head), then hands the queue to the save
    /// now at its head, which leads the next group on its own flow.
    /// </summary>
    private async Task LeadAsync()
    {
        await _writer.WaitAsync(CancellationToken.None);
        var heldSince = Stopwatch.GetTimestamp();
        List<QueuedSave> group;
        lock (_waiting)
        {
            var maxGroupSize = _maxGroupSize;
            group = new List<QueuedSave>(Math.Min(_waiting.Count, maxGroupSize));
            while (group.Count < maxGroupSize && _waiting.TryDequeue(out var save))
                group.Add(save);
        }
        try
        {
            try
            {
                await WriteAsync(group);
            }
            catch (Exception exception)
            {
                foreach (var save in group.Where(s => !s.Answered))
                    save.RolledBack(exception);
            }
            // The queue is empty: the connection goes back to the pool until saves come again.
            if (Waiting == 0)
                await CloseWriterAsync();
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _grouped, group.Count);
            GroupSize.Record(group.Count, _database);
        }
        finally
        {
            // Answered only now, every context of the group back on its own connection; and always: a save that waits for its
            // group is never left waiting, whatever failed above (one the group could not answer fails, nothing of it known).
            foreach (var save in group)
            {
                if (!save.Answered)
                    save.Fail(new InvalidOperationException("The group commit stopped before it could say whether this save was written."));
                save.Woken.TrySetResult(false);
            }
            Release(heldSince);
            QueuedSave? next = null;
            lock (_waiting)
            {
                if (!_waiting.TryPeek(out next))
                    _led = false;
            }
            next?.Woken.TrySetResult(true);
        }
    }

    private async Task WriteAsync(List<QueuedSave> group)
    {
        // A context whose connection its owner opened keeps it, and saves alone after the group.
        var joining = group.Where(s => s.Context.Database.GetDbConnection().State == System.Data.ConnectionState.Closed).ToList();
        if (joining.Count > 0)
        {
            // The group's transaction is begun by its first save's context on the writer's connection (EF Core's
            // interceptors and diagnostics see it as any transaction of a save); the other saves join it.
            var host = joining[0];
            var hostConnectionString = host.Context.Database.GetDbConnection().ConnectionString;
            IDbContextTransaction? transaction = null;
            try
            {
                var connection = await OpenWriterAsync(hostConnectionString);
                host.Context.Database.SetDbConnection(connection, contextOwnsConnection: false);
                transaction = await host.Context.Database.BeginTransactionAsync(CancellationToken.None);
            }
            catch (Exception exception)
            {
                await CloseWriterAsync();
                foreach (var save in joining)
                    save.Fail(exception);
            }
            try
            {
                if (transaction is not null)
                {
                    var committed = false;
                    try
                    {
                        await using (transaction)
                            committed = await WriteTogetherAsync(host, joining, transaction);
                    }
                    finally
                    {
                        // Closed after its transaction has ended (the connection resets its temporary storage outside one).
                        if (!committed)
                            await CloseWriterAsync();
                    }
                }
            }
            finally
            {
                // The host goes back to a connection of its own (the writer's is not the context's to close).
                host.Context.Database.SetDbConnection(new SqliteConnection(hostConnectionString), contextOwnsConnection: true);
            }
        }

        foreach (var save in group.Where(s => !s.Answered))
            await save.SaveAloneAsync();
    }

    /// <summary>The writer's connection, opened (from the pool, with the file's pragmas) when the queue has none open.</summary>
    private async Task<SqliteConnection> OpenWriterAsync(string connectionString)
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open)
            return open;
        await CloseWriterAsync();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(CancellationToken.None);
            await SqliteSynchronousInterceptor.ApplyAsync(connection, _synchronous, CancellationToken.None);
            await ExecuteAsync(connection, SavepointJournalInMemory);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return _connection = connection;
    }

    /// <summary>
    /// Gives the writer's connection back to the pool as the pool gave it (readers take it next). Every caller has ended its
    /// transaction first, unless ending it failed.
    /// </summary>
    private async Task CloseWriterAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                if (connection.State == System.Data.ConnectionState.Open)
                    await ExecuteAsync(connection, TemporaryStorageAsCompiled);
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
            {
                // Still inside a transaction SQLite could not roll back, or the file failed: the pool gets it as it is.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Writes each save in its savepoint and commits; false when the group failed as a whole (nothing committed).</summary>
    private static async Task<bool> WriteTogetherAsync(QueuedSave host, List<QueuedSave> joining, IDbContextTransaction transaction)
    {
        var connection = host.Context.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var written = new List<QueuedSave>(joining.Count);
        ExceptionDispatchInfo? groupFailure = null;
        foreach (var save in joining)
        {
            if (groupFailure is not null)
            {
                save.Fail(groupFailure.SourceException);
                continue;
            }
            if (save.CancellationToken.IsCancellationRequested)
            {
                save.Fail(new OperationCanceledException(save.CancellationToken));
                continue;
            }
            try
            {
                if (await save.WriteInGroupAsync(connection, dbTransaction, transaction, isHost: save == host, alone: joining.Count == 1))
                    written.Add(save);
            }
            catch (Exception exception)
            {
                // The savepoint could not be rolled back: SQLite abandoned the whole transaction (a full disk, an I/O
                // error), so nothing of the group can commit.
                groupFailure = ExceptionDispatchInfo.Capture(exception);
                save.Fail(exception);
            }
        }

        if (groupFailure is null && written.Count > 0)
        {
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception exception)
            {
                groupFailure = ExceptionDispatchInfo.Capture(exception);
            }
            if (groupFailure is null)
            {
                foreach (var save in written)
                    save.Committed();
                return true;
            }
        }

        if (groupFailure is null)
            return true;
        foreach (var save in written)
            save.RolledBack(groupFailure.SourceException);
        return false;
    }

    /// <summary>One save waiting in the queue: its context, and how it ended.</summary>
    private sealed class QueuedSave(SqliteErpDbContext context, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        private int _written;
        private ExceptionDispatchInfo? _failure;

        public SqliteErpDbContext Context { get; } = context;
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>True when the save must lead the queue, false when its group has been written.</summary>
        public TaskCompletionSource<bool> Woken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Answered { get; private set; }

        public int Outcome()
        {
            _failure?.Throw();
            return _written;
        }

        public async Task SaveAloneAsync()
        {
            try
            {
                _written = await Context.SaveUnqueuedAsync(acceptAllChangesOnSuccess, CancellationToken);
            }
            catch (Exception exception)
            {
                _failure = ExceptionDispatchInfo.Capture(exception);
            }
            Answered = true;
        }

        public void Fail(Exception exception)
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
            Answered = true;
        }

        /// <summary>
        /// Writes this save inside its own savepoint of the group's transaction (none when it is alone in the group: its
        /// failure leaves nothing to commit); false when it failed its own checks (rolled back to the savepoint, the failure
        /// kept for its caller). Changes are accepted only after the commit.
        /// </summary>
        public async Task<bool> WriteInGroupAsync(DbConnection connection, DbTransaction dbTransaction, IDbContextTransaction transaction, bool isHost, bool alone)
        {
            var database = Context.Database;
            var ownConnectionString = isHost ? null : database.GetDbConnection().ConnectionString;
            var autoSavepoints = database.AutoSavepointsEnabled;
            if (ownConnectionString is not null)
            {
                database.SetDbConnection(connection, contextOwnsConnection: false);
                await database.UseTransactionAsync(dbTransaction, CancellationToken.None);
            }
            // The savepoint below is the one EF Core would create; one is enough.
            database.AutoSavepointsEnabled = false;
            try
            {
                // A save alone in its group needs no savepoint: when it fails, nothing commits.
                if (!alone)
                    await transaction.CreateSavepointAsync(MemberSavepoint, CancellationToken.None);
                try
                {
                    _written = await Context.SaveInGroupAsync(CancellationToken);
                }
                catch (Exception exception)
                {
                    Fail(exception);
                    if (!alone)
                        await transaction.RollbackToSavepointAsync(MemberSavepoint, CancellationToken.None);
                    return false;
                }
                if (!alone)
                    await transaction.ReleaseSavepointAsync(MemberSavepoint, CancellationToken.None);
                return true;
            }
            finally
            {
                database.AutoSavepointsEnabled = autoSavepoints;
                if (ownConnectionString is not null)
                {
                    // Disposing the borrowed transaction's wrapper leaves the group's transaction open; the context then
                    // goes back to a connection of its own (the one it had is disposed when it is swapped out).
                    if (database.CurrentTransaction is { } borrowed)
                        await borrowed.DisposeAsync();
                    database.SetDbConnection(new SqliteConnection(ownConnectionString), contextOwnsConnection: true);
                }
            }
        }

        /// <summary>
        /// The group committed: the context accepts its changes. When that throws (as EF Core's own save would, after its
        /// commit), this save fails with it and the other members are answered as they are.
        /// </summary>
        public void Committed()
        {
            try
            {
                Context.GroupCommitted();
                if (acceptAllChangesOnSuccess)
                    Context.ChangeTracker.AcceptAllChanges();
                Answered = true;
            }
            catch (Exception exception)
            {
                Fail(exception);
            }
        }

        /// <summary>
        /// The group did not commit: the context is left as after a failed save of its own, its changes and outbox rows
        /// pending and the values the database generated for them forgotten. When giving them back throws, this save fails with
        /// that (its context is not fit for a retry) and the other members are answered as they are.
        /// </summary>
        public void RolledBack(Exception exception)
        {
            try
            {
                Context.GroupRolledBack();
            }
            catch (Exception givingBack)
            {
                Fail(givingBack);
                return;
            }
            Fail(exception);
        }
    }

    private sealed class WriterTurn(SqliteGroupCommit queue, long heldSince) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                queue.Release(heldSince);
        }
    }
}
