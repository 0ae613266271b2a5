using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// How a SQLite commit reaches the disk (decision 012). <see cref="Full"/> flushes every commit; <see cref="Normal"/>
/// flushes the write-ahead log at checkpoints only: no corruption and no loss when the process crashes, but a power
/// loss or an operating-system crash may take the last commits.
/// </summary>
public enum SqliteSynchronous
{
    Full,
    Normal,
}

/// <summary>Which database the write side uses, read once at start-up from configuration.</summary>
public sealed class DatabaseOptions
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Erp";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string SeedDemoDataKey = "EcomErp:SeedDemoData";
    public const string SqliteSynchronousKey = "Database:SqliteSynchronous";
    public const string SqliteMaxGroupSizeKey = "Database:SqliteMaxGroupSize";

    /// <summary>The most saves one SQLite commit holds (decision 052); 1 commits every save alone, as decision 012 did.</summary>
    public const int DefaultSqliteMaxGroupSize = 64;
    public const int MaxSqliteMaxGroupSize = 1000;
    public const string DefaultSqliteConnectionString = "Data Source=data/ecomerp.db";

    /// <summary>How long a SQLite command waits for another writer's lock before it fails (busy timeout).</summary>
    private const int SqliteBusyTimeoutSeconds = 30;

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; init; } = DefaultSqliteConnectionString;

    /// <summary>Seeds the demo master data on start-up; on by default for the embedded SQLite database only.</summary>
    public bool SeedDemoData { get; init; }

    /// <summary>SQLite only: whether every commit is flushed to disk (the default) or only the log at checkpoints.</summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>SQLite only: how many waiting saves commit together at most (decision 052).</summary>
    public int SqliteMaxGroupSize { get; init; } = DefaultSqliteMaxGroupSize;

    /// <summary>Reads and validates the options; a bad value stops start-up with the key at fault and what it accepts.</summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var providerName = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerName))
            provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerName.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new OptionsValidationException(ProviderKey, typeof(DatabaseOptions),
                [$"{ProviderKey} is '{providerName}'; allowed values are {string.Join(" and ", Enum.GetNames<DatabaseProvider>())}."]);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.SqlServer)
                throw new OptionsValidationException(ConnectionStringKey, typeof(DatabaseOptions),
                    [$"{ConnectionStringKey} is required when {ProviderKey} is {DatabaseProvider.SqlServer}."]);
            connectionString = DefaultSqliteConnectionString;
        }

        var seedSetting = configuration[SeedDemoDataKey];
        bool seed;
        if (string.IsNullOrWhiteSpace(seedSetting))
            seed = provider == DatabaseProvider.Sqlite;
        else if (!bool.TryParse(seedSetting, out seed))
            throw new OptionsValidationException(SeedDemoDataKey, typeof(DatabaseOptions),
                [$"{SeedDemoDataKey} is '{seedSetting}'; allowed values are true and false."]);

        var synchronousSetting = configuration[SqliteSynchronousKey];
        var synchronous = SqliteSynchronous.Full;
        if (!string.IsNullOrWhiteSpace(synchronousSetting)
            && (!Enum.TryParse(synchronousSetting.Trim(), ignoreCase: true, out synchronous) || !Enum.IsDefined(synchronous)))
            throw new OptionsValidationException(SqliteSynchronousKey, typeof(DatabaseOptions),
                [$"{SqliteSynchronousKey} is '{synchronousSetting}'; allowed values are {string.Join(" and ", Enum.GetNames<SqliteSynchronous>())}."]);

        var groupSizeSetting = configuration[SqliteMaxGroupSizeKey];
        var maxGroupSize = DefaultSqliteMaxGroupSize;
        if (!string.IsNullOrWhiteSpace(groupSizeSetting)
            && (!int.TryParse(groupSizeSetting.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maxGroupSize)
                || maxGroupSize is < 1 or > MaxSqliteMaxGroupSize))
            throw new OptionsValidationException(SqliteMaxGroupSizeKey, typeof(DatabaseOptions),
                [$"{SqliteMaxGroupSizeKey} is '{groupSizeSetting}'; allowed values are whole numbers from 1 to {MaxSqliteMaxGroupSize}."]);

        EnsureReadable(provider, connectionString);
        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? WithBusyTimeout(connectionString) : connectionString,
            SeedDemoData = seed,
            SqliteSynchronous = synchronous,
            SqliteMaxGroupSize = maxGroupSize,
        };
    }

    /// <summary>
    /// A connection string the provider cannot parse stops start-up naming the key and the provider's reason (a keyword it
    /// does not know, a malformed pair), never the string itself: a SQL Server connection string may hold a password.
    /// </summary>
    private static void EnsureReadable(DatabaseProvider provider, string connectionString)
    {
        try
        {
            _ = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connectionString)
                : new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString) as System.Data.Common.DbConnectionStringBuilder;
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new OptionsValidationException(ConnectionStringKey, typeof(DatabaseOptions),
                [$"{ConnectionStringKey} is not a {provider} connection string: {error.Message}"]);
        }
    }

    /// <summary>
    /// Microsoft.Data.Sqlite retries a busy database until the command timeout, so the connection's
    /// default timeout is the busy timeout; it is raised from 30 s only when the connection string says so.
    /// </summary>
    internal static string WithBusyTimeout(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("DefaultTimeout", StringComparison.OrdinalIgnoreCase))
            builder.DefaultTimeout = SqliteBusyTimeoutSeconds;
        return builder.ToString();
    }

    /// <summary>The folder of the SQLite database file (where first-run secrets go beside it); null for SQL Server or in-memory SQLite.</summary>
    public string? DataDirectory => Provider == DatabaseProvider.Sqlite ? SqliteDirectory(ConnectionString) : null;

    /// <summary>The folder of a SQLite database file, or null for an in-memory database.</summary>
    internal static string? SqliteDirectory(string connectionString) =>
        SqliteFile(connectionString) is { } file ? Path.GetDirectoryName(file) : null;

    /// <summary>The full path of a SQLite database file, or null for an in-memory database.</summary>
    internal static string? SqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file::memory:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(dataSource);
    }
}
