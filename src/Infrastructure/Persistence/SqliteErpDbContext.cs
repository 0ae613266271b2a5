using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>The embedded default. SQLite serialises writers itself, so outbox sequence order is commit order.</summary>
public sealed class SqliteErpDbContext(DbContextOptions<SqliteErpDbContext> options) : ErpDbContext(options)
{
    internal static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString);
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
