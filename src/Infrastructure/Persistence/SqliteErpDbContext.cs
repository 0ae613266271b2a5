using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using EcomErp.Infrastructure.Outbox;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// The embedded default. SQLite serialises writers itself, so outbox sequence order is commit order. Writers of this
/// process queue for the file in <see cref="SqliteGroupCommit"/>, which commits the saves waiting together (decisions 012
/// and 052).
/// </summary>
public sealed class SqliteErpDbContext(DbContextOptions<SqliteErpDbContext> options) : ErpDbContext(options)
{
    /// <summary>Outbox rows appended in the group's transaction, until the group reports how it ended.</summary>
    private readonly List<OutboxMessage> _appendedInGroup = [];

    /// <summary>Append-only records' rows appended in the group's transaction (decision 073), until the group reports how it ended.</summary>
    private readonly List<EntityEntry> _rowsAppendedInGroup = [];

    /// <summary>Rows updated in the group's transaction (decision 079), until the group reports how it ended.</summary>
    private readonly List<SqliteRowUpdater.ChangedRow> _rowsUpdatedInGroup = [];

    private bool _savingInGroup;

    /// <summary>The queued save's preparation, until its write takes it (<see cref="SaveChangesAsync(bool, CancellationToken)"/>).</summary>
    private PreparedSave? _prepared;

    internal static void Configure(DbContextOptionsBuilder builder, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        // A batch's IN list as one JSON parameter (json_each): the statement's text no longer depends on how many values the
        // batch holds, so EF Core caches its SQL and SQLite prepares a short statement, where a list of parameters was
        // rewritten and prepared anew for every batch (decision 056).
        builder.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        ConfigureShared(builder);
        // A transaction's statements are prepared once per open connection, not once per command (decision 060).
        builder.AddInterceptors(SqliteStatementCache.Instance);
        // FULL is SQLite's own default; only the other mode needs saying, on every connection (it is not stored in the file).
        if (synchronous != SqliteSynchronous.Full)
            builder.AddInterceptors(new SqliteSynchronousInterceptor(synchronous));
    }

    /// <summary>
    /// A queued save is prepared before it queues (changes detected, events taken and serialised: <see cref="ErpDbContext.PrepareSave"/>),
    /// so the file's writer spends its turn on the writes alone. A save the group never wrote (it failed or was cancelled before
    /// its turn) gives its outbox rows to the tracker, as a failed write does.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (SqliteGroupCommit.For(this) is not { } queue)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        using var detected = DetectChangesOnce();
        _prepared = PrepareSave();
        try
        {
            return await queue.SaveAsync(this, acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            if (_prepared is { } unwritten)
            {
                _prepared = null;
                TrackOutboxMessages(unwritten.Messages);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (SqliteGroupCommit.For(this) is not { } queue)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        // Synchronous saves carry no outbox rows (ErpDbContext refuses them) and are rare: they wait for the writer alone.
        using var turn = queue.TakeWriterTurn();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The prepared save (journal posting, outbox rows, state) without the group, for <see cref="SqliteGroupCommit"/>.</summary>
    internal Task<int> SaveUnqueuedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        SavePreparedAsync(TakePrepared(), acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// The save prepared before it queued, taken (once) by the write that goes on with it. Its changes were detected then, and
    /// detection stays off until the queued save returns (<see cref="SaveChangesAsync(bool, CancellationToken)"/>).
    /// </summary>
    private PreparedSave TakePrepared()
    {
        var prepared = _prepared ?? throw new InvalidOperationException("The group commit writes only saves queued by SaveChangesAsync, which prepares them.");
        _prepared = null;
        return prepared;
    }

    /// <summary>
    /// The whole save inside the group's transaction, its changes accepted only once the group has committed; the group then
    /// calls <see cref="GroupCommitted"/> or <see cref="GroupRolledBack"/>.
    /// </summary>
    internal async Task<int> SaveInGroupAsync(CancellationToken cancellationToken)
    {
        _savingInGroup = true;
        try
        {
            return await SavePreparedAsync(TakePrepared(), acceptAllChangesOnSuccess: false, cancellationToken);
        }
        finally
        {
            _savingInGroup = false;
        }
    }

    /// <summary>The group this context saved in has committed: the outbox rows and records it appended are written for good.</summary>
    internal void GroupCommitted()
    {
        _appendedInGroup.Clear();
        _rowsAppendedInGroup.Clear();
        _rowsUpdatedInGroup.Clear();
    }

    /// <summary>
    /// The group did not commit: what the database generated for the tracked entities is forgotten, and the outbox rows this
    /// context appended go to the tracker, so a retry of the save writes them again and clearing the tracker forgets them.
    /// </summary>
    internal void GroupRolledBack()
    {
        ForgetStoreGeneratedValues();
        SqliteRowAppender.GiveBack(_rowsAppendedInGroup);
        _rowsAppendedInGroup.Clear();
        SqliteRowUpdater.GiveBack(_rowsUpdatedInGroup);
        _rowsUpdatedInGroup.Clear();
        if (_appendedInGroup.Count == 0)
            return;
        TrackOutboxMessages([.. _appendedInGroup]);
        _appendedInGroup.Clear();
    }

    /// <summary>
    /// A save without events that adds append-only rows (a refused command's audit entry, the projection's ledger rows) or
    /// changes an order's read-model row appends and updates them the same way (decisions 073 and 079); any other goes to EF
    /// Core as it is.
    /// </summary>
    protected override async Task<int> SaveWithoutOutboxAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!AppendsItsOwnRows(acceptAllChangesOnSuccess))
            return await SaveStateAsync(acceptAllChangesOnSuccess, cancellationToken);
        var rows = SqliteRowAppender.TakeNewRows(ChangeTracker);
        var changed = SqliteRowUpdater.TakeChangedRows(Model, ChangeTracker);
        return rows.Count == 0 && changed.Count == 0
            ? await SaveStateAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveAppendingAsync([], rows, changed, acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Appends the outbox rows with one prepared statement after EF Core has saved the state, in the same transaction
    /// (decision 062): a transaction of its own, or the group's, whose outcome <see cref="SqliteGroupCommit"/> reports. The
    /// rows never enter the tracker, unless this save fails: then they are handed to it, as EF Core's own save would have
    /// left them. A save that keeps its changes unaccepted in the caller's transaction writes them through the tracker.
    /// </summary>
    protected override Task<int> SaveWithOutboxAsync(IReadOnlyList<OutboxMessage> messages, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        AppendsItsOwnRows(acceptAllChangesOnSuccess)
            // The timeline, ledger and audit rows the save adds, and the order rows it changes, go the same way (decisions 073 and
            // 079): EF Core writes none of them.
            ? SaveAppendingAsync(messages, SqliteRowAppender.TakeNewRows(ChangeTracker), SqliteRowUpdater.TakeChangedRows(Model, ChangeTracker),
                acceptAllChangesOnSuccess, cancellationToken)
            : base.SaveWithOutboxAsync(messages, acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>A transaction of its own or the group's, changes accepted: the save may write rows outside EF Core's tracker.</summary>
    private bool AppendsItsOwnRows(bool acceptAllChangesOnSuccess) =>
        _savingInGroup || (Database.CurrentTransaction is null && acceptAllChangesOnSuccess);

    /// <summary>
    /// EF Core's save of the state, then the <paramref name="changed"/> rows' updates, the new <paramref name="rows"/> (both marked
    /// saved already) and the outbox rows, in one transaction.
    /// </summary>
    private async Task<int> SaveAppendingAsync(IReadOnlyList<OutboxMessage> messages, List<EntityEntry> rows, List<SqliteRowUpdater.ChangedRow> changed,
        bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        IDbContextTransaction? ownTransaction = null;
        int written;
        try
        {
            ownTransaction = _savingInGroup ? null : await Database.BeginTransactionAsync(cancellationToken);
            written = await SaveStateAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            var transaction = (SqliteTransaction)Database.CurrentTransaction!.GetDbTransaction();
            // The changed rows first: an order's version is checked before its new timeline rows are written, as EF Core did.
            await SqliteRowUpdater.UpdateAsync(transaction, changed, cancellationToken);
            await SqliteRowAppender.AppendAsync(Model, transaction, rows, cancellationToken);
            if (messages.Count > 0)
                await SqliteOutboxAppender.AppendAsync(Model, transaction, messages, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
        }
        catch
        {
            ForgetStoreGeneratedValues();
            SqliteRowAppender.GiveBack(rows);
            SqliteRowUpdater.GiveBack(changed);
            TrackOutboxMessages(messages);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }

        if (_savingInGroup)
        {
            _appendedInGroup.AddRange(messages);
            _rowsAppendedInGroup.AddRange(rows);
            _rowsUpdatedInGroup.AddRange(changed);
        }
        if (acceptAllChangesOnSuccess)
            ChangeTracker.AcceptAllChanges();
        return written + changed.Count + rows.Count + messages.Count;
    }
}

/// <summary>Sets <c>PRAGMA synchronous</c> on every connection as it opens.</summary>
internal sealed class SqliteSynchronousInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma(synchronous);
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, synchronous, cancellationToken);

    /// <summary>Sets the mode on a connection opened outside EF Core (the group commit's writer); FULL needs no statement.</summary>
    internal static async Task ApplyAsync(DbConnection connection, SqliteSynchronous synchronous, CancellationToken cancellationToken)
    {
        if (synchronous == SqliteSynchronous.Full)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma(synchronous);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Pragma(SqliteSynchronous synchronous) => $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";
}

/// <summary>For <c>dotnet ef migrations add ... --context SqliteErpDbContext</c>.</summary>
internal sealed class SqliteErpDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqliteErpDbContext>
{
    public SqliteErpDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteErpDbContext>();
        SqliteErpDbContext.Configure(builder, DatabaseOptions.DefaultSqliteConnectionString);
        return new SqliteErpDbContext(builder.Options);
    }
}
