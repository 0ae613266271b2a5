using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Tests.Persistence;

public sealed class DatabaseOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AddInfrastructure_WithAnUnknownProvider_FailsNamingTheKeyAndTheAllowedValues()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            new ServiceCollection().AddInfrastructure(Configuration((DatabaseOptions.ProviderKey, "Postgres"))));

        Assert.Contains("Database:Provider", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Postgres'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SqlServer", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_WithNothingSet_IsTheEmbeddedSqliteFileWithDemoData()
    {
        var options = DatabaseOptions.FromConfiguration(Configuration());

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Contains("data/ecomerp.db", options.ConnectionString, StringComparison.Ordinal);
        Assert.True(options.SeedDemoData);
    }

    [Fact]
    public void FromConfiguration_ForSqlServer_NeedsAConnectionStringAndDoesNotSeedByDefault()
    {
        Assert.Throws<OptionsValidationException>(() => DatabaseOptions.FromConfiguration(Configuration((DatabaseOptions.ProviderKey, "SqlServer"))));

        var options = DatabaseOptions.FromConfiguration(Configuration(
            (DatabaseOptions.ProviderKey, "sqlserver"), (DatabaseOptions.ConnectionStringKey, "Server=db;Database=EcomErp")));

        Assert.Equal(DatabaseProvider.SqlServer, options.Provider);
        Assert.False(options.SeedDemoData);
    }

    [Fact]
    public void AddInfrastructure_ForSqlServer_ResolvesTheSqlServerContextWithoutConnecting()
    {
        using var services = new ServiceCollection().AddLogging().AddInfrastructure(Configuration(
            (DatabaseOptions.ProviderKey, "SqlServer"), (DatabaseOptions.ConnectionStringKey, "Server=nowhere;Database=EcomErp"))).BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.IsType<SqlServerErpDbContext>(scope.ServiceProvider.GetRequiredService<ErpDbContext>());
    }

    [Theory]
    [InlineData("Sqlite", "Data Sourc=erp.db")]
    [InlineData("Sqlite", "erp.db")]
    [InlineData("SqlServer", "Server=db;Pasword=hunter2")]
    [InlineData("SqlServer", "Server=db;Password")]
    public void FromConfiguration_WithAConnectionStringTheProviderCannotRead_FailsNamingTheKeyButNotTheString(string provider, string connectionString)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => DatabaseOptions.FromConfiguration(Configuration(
            (DatabaseOptions.ProviderKey, provider), (DatabaseOptions.ConnectionStringKey, connectionString))));

        Assert.Contains("ConnectionStrings:Erp", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"not a {provider} connection string", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_WithAnUnknownSqliteSynchronousMode_FailsNamingTheKeyAndTheAllowedValues()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            DatabaseOptions.FromConfiguration(Configuration((DatabaseOptions.SqliteSynchronousKey, "off"))));

        Assert.Contains("Database:SqliteSynchronous", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'off'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Full and Normal", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("many")]
    public void FromConfiguration_WithAGroupSizeOutOfRange_FailsNamingTheKeyAndTheAllowedValues(string size)
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            DatabaseOptions.FromConfiguration(Configuration((DatabaseOptions.SqliteMaxGroupSizeKey, size))));

        Assert.Contains("Database:SqliteMaxGroupSize", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{size}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 1000", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 64)]
    [InlineData("1", 1)]
    [InlineData(" 200 ", 200)]
    public void FromConfiguration_ReadsTheGroupSize(string? size, int expected)
    {
        var options = DatabaseOptions.FromConfiguration(size is null ? Configuration() : Configuration((DatabaseOptions.SqliteMaxGroupSizeKey, size)));

        Assert.Equal(expected, options.SqliteMaxGroupSize);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData("Full", 2)]
    [InlineData("normal", 1)]
    public async Task SqliteConnections_UseTheConfiguredSynchronousMode(string? mode, long expectedPragma)
    {
        var directory = Directory.CreateTempSubdirectory("ecomerp-sync-").FullName;
        try
        {
            var settings = new List<(string, string)> { (DatabaseOptions.ConnectionStringKey, $"Data Source={Path.Combine(directory, "erp.db")}") };
            if (mode is not null)
                settings.Add((DatabaseOptions.SqliteSynchronousKey, mode));
            await using var services = new ServiceCollection().AddLogging().AddInfrastructure(Configuration([.. settings])).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();

            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";

            Assert.Equal(expectedPragma, (long)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
