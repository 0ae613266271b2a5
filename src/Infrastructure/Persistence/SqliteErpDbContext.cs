using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// The embedded default. SQLite serialises writers itself, so outbox sequence order is commit order. Writers of this
/// process also queue for the file in <see cref="SqliteWriteGate"/> (see decision 012).
/// </summary>
public sealed class SqliteErpDbContext(DbContextOptions<SqliteErpDbContext> options) : ErpDbContext(options)
{
    internal static void Configure(DbContextOptionsBuilder builder, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        builder.UseSqlite(connectionString);
        // FULL is SQLite's own default; only the other mode needs saying, on every connection (it is not stored in the file).
        if (synchronous != SqliteSynchronous.Full)
            builder.AddInterceptors(new SqliteSynchronousInterceptor(synchronous));
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (SqliteWriteGate.For(this) is not { } gate)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (SqliteWriteGate.For(this) is not { } gate)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// One queue per database file for the writers of this process. SQLite admits one writer at a time; without the
/// queue, a writer that finds the file locked gets SQLITE_BUSY and Microsoft.Data.Sqlite retries it after a sleep, so
/// under load commits wait in sleeps rather than in line (and a projection batch can starve behind captures). With
/// it, the next writer starts the moment the last one committed. Writers of other processes still meet the busy
/// retry; that is the correctness backstop, not the fast path.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> GatesByFile = new(StringComparer.Ordinal);

    /// <summary>Connection strings resolved to their file's gate once, so a save does not parse its connection string.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim?> GatesByConnectionString = new(StringComparer.Ordinal);

    /// <summary>
    /// The gate for the context's file, or null when queuing would not help or could deadlock: an in-memory database,
    /// or a transaction the caller opened (it may hold the write lock across several saves).
    /// </summary>
    public static SemaphoreSlim? For(DbContext context) =>
        context.Database.CurrentTransaction is null && context.Database.GetConnectionString() is { } connectionString
            ? GatesByConnectionString.GetOrAdd(connectionString, ForFile)
            : null;

    private static SemaphoreSlim? ForFile(string connectionString) =>
        DatabaseOptions.SqliteFile(connectionString) is { } file ? GatesByFile.GetOrAdd(file, _ => new SemaphoreSlim(1, 1)) : null;
}

/// <summary>Sets <c>PRAGMA synchronous</c> on every connection as it opens.</summary>
internal sealed class SqliteSynchronousInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
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
