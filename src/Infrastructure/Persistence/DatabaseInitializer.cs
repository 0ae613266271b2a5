using EcomErp.Infrastructure.Files;
using EcomErp.Infrastructure.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies the migrations, switches SQLite to WAL (a property of the database file, so once is enough),
    /// keeps the SQLite files owner-only, values stock that predates the journal (decision 039), and seeds the demo master data when <c>EcomErp:SeedDemoData</c> is on.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            if (DatabaseOptions.SqliteFile(options.ConnectionString) is { } file)
                ProtectSqliteFiles(file);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Migrating validates the model against the last migration (a model diff, a large share of a start's CPU) even when
        // there is nothing to apply; a database that is up to date skips it. MigrationTests keep the model and migrations in step.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
        await JournalOpening.PostAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);

        if (options.SeedDemoData)
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>
    /// The database holds customer data and password hashes. SQLite creates a new file readable by everyone (0644) but
    /// gives its -wal and -shm files the database file's own mode: so the file is created owner-only before SQLite
    /// first opens it, and files an older version left readable are tightened at every start.
    /// </summary>
    private static void ProtectSqliteFiles(string file)
    {
        OwnerOnlyFile.CreateDirectory(Path.GetDirectoryName(file)!);
        OwnerOnlyFile.Protect(file);
        foreach (var companion in new[] { "-wal", "-shm", "-journal" })
            OwnerOnlyFile.Tighten(file + companion);
    }
}
