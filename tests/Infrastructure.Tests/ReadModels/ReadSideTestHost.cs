using System.Data.Common;
using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// The infrastructure as the host composes it, on a real SQLite file of its own (demo master data seeded),
/// the in-process cache and bus or a real Redis, and a fake clock. Drives the write side through the
/// Application's command handlers and runs the outbox consumers on demand.
/// </summary>
internal sealed class ReadSideTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory;
    private readonly string? _redis;
    private readonly bool _ownsDirectory;

    private ReadSideTestHost(string directory, string? redis, bool ownsDirectory, ServiceProvider services, FakeTimeProvider clock, SqlCommandCounter commands) =>
        (_directory, _redis, _ownsDirectory, Services, Clock, Commands) = (directory, redis, ownsDirectory, services, clock, commands);

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>Every SQL command the read side and the projection send, for round-trip assertions.</summary>
    public SqlCommandCounter Commands { get; }

    public static Task<ReadSideTestHost> StartAsync(string? redisConnectionString = null, IDictionary<string, string?>? settings = null) =>
        StartAsync(Directory.CreateTempSubdirectory("ecomerp-readside-").FullName, ownsDirectory: true, redisConnectionString, settings);

    /// <summary>A second node on the same database (and Redis), with its own services and settings.</summary>
    public Task<ReadSideTestHost> WithSettingsAsync(IDictionary<string, string?> settings) =>
        StartAsync(_directory, ownsDirectory: false, _redis, settings);

    private static async Task<ReadSideTestHost> StartAsync(string directory, bool ownsDirectory, string? redisConnectionString, IDictionary<string, string?>? settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = "Sqlite",
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "erp.db")};Pooling=False",
            [DatabaseOptions.SeedDemoDataKey] = "true",
            ["ConnectionStrings:Redis"] = redisConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();

        var clock = new FakeTimeProvider(Start);
        var commands = new SqlCommandCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(config);
        services.AddSingleton<TimeProvider>(clock);
        services.ConfigureDbContext<SqliteErpDbContext>(options => options.AddInterceptors(commands));

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.InitializeDatabaseAsync();
        return new ReadSideTestHost(directory, redisConnectionString, ownsDirectory, provider, clock, commands);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> QueryAsync<T>(Func<IOrderReadModels, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<IOrderReadModels>()));

    public Task<int> ProjectAsync() => Services.GetRequiredService<ReadModelProjector>().ProjectPendingAsync(CancellationToken.None);

    /// <summary>Runs the domain-event consumer: the automation validates, allocates and invoices.</summary>
    public Task<int> DispatchAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public async Task<Guid> CaptureAsync(string channel, string externalOrderId, params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        if (lines.Length == 0)
            lines = [("TEE-CREW-M-BLK", 1, 25m)];
        var command = new CaptureOrder(Actor.System, channel, externalOrderId, ServiceLevel.Standard,
            new CaptureOrderCustomer($"{externalOrderId.ToLowerInvariant()}@example.com", "Test Customer"),
            new CaptureOrderAddress("Test Customer", "Hauptstraße 1", null, "Berlin", "10115", "DE"),
            [.. lines.Select(l => new CaptureOrderLine(l.Sku, l.Quantity, new CaptureOrderPrice(l.UnitPrice, "EUR")))]);
        var result = await InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<CaptureOrder, CapturedOrder>>().HandleAsync(command, CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value.OrderId;
    }

    public async Task<OrderCommandResult> SendAsync<TCommand>(TCommand command) where TCommand : OrderCommand
    {
        var result = await InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<TCommand, OrderCommandResult>>().HandleAsync(command, CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value;
    }

    /// <summary>The write side's truth, as the projection must show it: the aggregate stamped with its newest outbox sequence.</summary>
    public Task<OrderView> WriteSideViewAsync(Guid orderId) => InScopeAsync(async sp =>
    {
        var order = await sp.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), CancellationToken.None)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        var db = sp.GetRequiredService<ErpDbContext>();
        var id = orderId.ToString();
        var lastSequence = await db.OutboxMessages.Where(m => m.AggregateType == nameof(Order) && m.AggregateId == id).MaxAsync(m => m.Sequence);
        return OrderView.From(order, lastSequence);
    });

    public Task<int> ExecuteSqlAsync(string sql) =>
        InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Database.ExecuteSqlRawAsync(sql));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDirectory)
            Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Counts the SQL commands that name a table, to prove how often a query reaches the database.</summary>
internal sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public int Touching(string table)
    {
        lock (_commands)
            return _commands.Count(sql => sql.Contains($"\"{table}\"", StringComparison.Ordinal));
    }

    public void Reset()
    {
        lock (_commands)
            _commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        lock (_commands)
            _commands.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        lock (_commands)
            _commands.Add(command.CommandText);
        return result;
    }
}
