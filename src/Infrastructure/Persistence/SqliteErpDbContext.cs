using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// The embedded default. SQLite serialises writers itself, so outbox sequence order is commit order. Writers of this
/// process queue for the file in <see cref="SqliteGroupCommit"/>, which commits the saves waiting together (decisions 012
/// and 052).
/// </summary>
public sealed class SqliteErpDbContext(DbContextOptions<SqliteErpDbContext> options) : ErpDbContext(options)
{
    internal static void Configure(DbContextOptionsBuilder builder, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        // A batch's IN list as one JSON parameter (json_each): the statement's text no longer depends on how many values the
        // batch holds, so EF Core caches its SQL and SQLite prepares a short statement, where a list of parameters was
        // rewritten and prepared anew for every batch (decision 056).
        builder.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        // A transaction's statements are prepared once per open connection, not once per command (decision 060).
        builder.AddInterceptors(SqliteStatementCache.Instance);
        // FULL is SQLite's own default; only the other mode needs saying, on every connection (it is not stored in the file).
        if (synchronous != SqliteSynchronous.Full)
            builder.AddInterceptors(new SqliteSynchronousInterceptor(synchronous));
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SqliteGroupCommit.For(this) is { } queue
            ? queue.SaveAsync(this, acceptAllChangesOnSuccess, cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (SqliteGroupCommit.For(this) is not { } queue)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        // Synchronous saves carry no outbox rows (ErpDbContext refuses them) and are rare: they wait for the writer alone.
        using var turn = queue.TakeWriterTurn();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The whole save (journal posting, outbox rows, state) without queuing, for <see cref="SqliteGroupCommit"/>.</summary>
    internal Task<int> SaveUnqueuedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
