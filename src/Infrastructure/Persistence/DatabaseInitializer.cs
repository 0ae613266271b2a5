using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies the migrations, switches SQLite to WAL (a property of the database file, so once is enough)
    /// and seeds the demo master data when <c>EcomErp:SeedDemoData</c> is on.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            if (DatabaseOptions.SqliteDirectory(options.ConnectionString) is { } directory)
                Directory.CreateDirectory(directory);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (options.SeedDemoData)
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }
}
