using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Testing;

/// <summary>What a test changes in <see cref="ErpTestHost"/>'s composition; the defaults are the host's own.</summary>
public sealed record ErpTestHostOptions
{
    /// <summary>The demo channels, SKUs, locations and stock (what the use cases and read models are specified against).</summary>
    public bool SeedDemoData { get; init; } = true;

    /// <summary>A real Redis for the cache and the bus; the in-process ones without.</summary>
    public string? RedisConnectionString { get; init; }

    /// <summary>More configuration, as the host's settings would give it.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>Leaves out the Application's domain-event handlers, so the test decides which handlers see the outbox.</summary>
    public bool WithoutApplicationEventHandlers { get; init; }

    /// <summary>Last changes to the services, after the composition.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>
    /// Says that <see cref="Settings"/> and <see cref="Services"/> leave the first state as the default composition seeds
    /// it (an interceptor, a decorator, a setting the seed does not read), so the host starts from the shared template
    /// instead of migrating and seeding a database of its own.
    /// </summary>
    public bool SeedsAsByDefault { get; init; }
}

/// <summary>
/// The one composition of the real services for tests below the HTTP host: <c>AddApplication</c> and
/// <c>AddInfrastructure</c> as the host calls them, on a migrated SQLite file in a temp folder of its own, with a
/// <see cref="FakeTimeProvider"/> as the one <see cref="TimeProvider"/>. Each call runs in a scope of its own, as a
/// request would; the test plays the Hangfire jobs (<see cref="DispatchOutboxAsync"/>, <see cref="ProjectReadModelsAsync"/>),
/// so automatic progression happens when the test says, not by timing.
/// </summary>
public sealed class ErpTestHost : IAsyncDisposable
{
    /// <summary>Where every test host's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How long a host given a running redis-server waits for its multiplexer to connect.</summary>
    private static readonly TimeSpan RedisConnectWait = TimeSpan.FromSeconds(30);

    private readonly ErpTestHostOptions _options;
    private readonly bool _ownsDirectory;

    private ErpTestHost(string directory, bool ownsDirectory, ErpTestHostOptions options, ServiceProvider services, FakeTimeProvider time,
        RecordingOutboxSignal signal, SqlCommandCounter commands)
    {
        (Directory, _ownsDirectory, _options) = (directory, ownsDirectory, options);
        (Services, Time, Signal, Commands) = (services, time, signal, commands);
    }

    public string Directory { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The outbox notifications the unit of work made.</summary>
    public RecordingOutboxSignal Signal { get; }

    /// <summary>Every SQL query sent, for round-trip assertions.</summary>
    public SqlCommandCounter Commands { get; }

    private const string DatabaseFileName = "erp.db";

    public string ConnectionString => ConnectionStringOf(Directory);

    public static Task<ErpTestHost> StartAsync(ErpTestHostOptions? options = null) =>
        StartAsync(System.IO.Directory.CreateTempSubdirectory("ecomerp-tests-").FullName, ownsDirectory: true, options ?? new ErpTestHostOptions());

    /// <summary>
    /// A second node on the same database (and Redis), with services of its own, more settings and, when given,
    /// <paramref name="services"/> changed after this host's own changes.
    /// </summary>
    public Task<ErpTestHost> StartNodeAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        StartAsync(Directory, ownsDirectory: false, _options with { Settings = settings, Services = _options.Services + services });

    private static async Task<ErpTestHost> StartAsync(string directory, bool ownsDirectory, ErpTestHostOptions options)
    {
        var time = new FakeTimeProvider(Start);
        var signal = new RecordingOutboxSignal();
        var commands = new SqlCommandCounter();
        // Only the default composition's first state is known in advance: more settings or services may change what is seeded.
        if (ownsDirectory && (options.Settings is null && options.Services is null || options.SeedsAsByDefault))
            await DatabaseTemplates.CopyToAsync(Path.Combine(directory, DatabaseFileName), options.SeedDemoData, Start);
        var provider = Compose(directory, options, time, signal, commands);
        await provider.InitializeDatabaseAsync();
        if (options.RedisConnectionString is not null)
            await WhenConnectedAsync(provider.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>());
        return new ErpTestHost(directory, ownsDirectory, options, provider, time, signal, commands);
    }

    /// <summary>
    /// The product's multiplexer starts without Redis and connects in the background when its first attempt (2 s) fails, as
    /// it may on a loaded machine; a test would then begin against a cache that is away. A host given a running
    /// redis-server is handed over only once it is connected.
    /// </summary>
    public static async Task WhenConnectedAsync(StackExchange.Redis.IConnectionMultiplexer redis)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRestored(object? sender, StackExchange.Redis.ConnectionFailedEventArgs e)
        {
            if (redis.IsConnected)
                connected.TrySetResult();
        }

        redis.ConnectionRestored += OnRestored;
        try
        {
            if (!redis.IsConnected)
                await connected.Task.WaitAsync(RedisConnectWait);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Redis at {redis.Configuration} did not connect within {RedisConnectWait.TotalSeconds} s.");
        }
        finally
        {
            redis.ConnectionRestored -= OnRestored;
        }
    }

    /// <summary>
    /// Migrates (and seeds) the database of <paramref name="directory"/> as a host on <paramref name="clock"/> does at its start,
    /// and when <paramref name="settle"/> says so, settles it as that host's worker would: the seed's events dispatched and
    /// projected. Returns its file.
    /// </summary>
    internal static async Task<string> InitializeDatabaseAsync(string directory, bool seedDemoData, TimeProvider clock, bool settle)
    {
        await using var provider = Compose(directory, new ErpTestHostOptions { SeedDemoData = seedDemoData }, clock, new RecordingOutboxSignal(), new SqlCommandCounter());
        await provider.InitializeDatabaseAsync();
        if (settle)
            await provider.SettleAsync();
        return Path.Combine(directory, DatabaseFileName);
    }

    private static ServiceProvider Compose(string directory, ErpTestHostOptions options, TimeProvider time, RecordingOutboxSignal signal, SqlCommandCounter commands)
    {
        var settings = new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = "Sqlite",
            [DatabaseOptions.ConnectionStringKey] = ConnectionStringOf(directory),
            [DatabaseOptions.SeedDemoDataKey] = options.SeedDemoData ? "true" : "false",
            ["ConnectionStrings:" + Infrastructure.DependencyInjection.RedisConnectionStringName] = options.RedisConnectionString,
        };
        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string?>())
            settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // The clock goes first: the composition adds the system clock only where none is registered.
        var services = new ServiceCollection().AddSingleton(time).AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        // The user store as the host composes it (Identity's tables on the ERP database), so the user commands run for real.
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ErpDbContext>();
        services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(commands));
        // The test plays the Hangfire jobs itself (this process runs the consumers, as the worker's does); the unit of work's
        // notifications are only counted.
        services.AddSingleton<OutboxJobServer>();
        services.RemoveAll<IOutboxSignal>();
        services.AddSingleton<IOutboxSignal>(signal);
        if (options.WithoutApplicationEventHandlers)
        {
            foreach (var handler in services.Where(IsApplicationEventHandler).ToList())
                services.Remove(handler);
        }
        options.Services?.Invoke(services);

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> in a scope of its own, as one request or job would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp =>
    {
        await work(sp);
        return true;
    });

    public Task<Result<TResult>> SendAsync<TCommand, TResult>(TCommand command) =>
        InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command, CancellationToken.None));

    public Task<Result<TResult>> QueryAsync<TQuery, TResult>(TQuery query) =>
        InScopeAsync(sp => sp.GetRequiredService<IQueryHandler<TQuery, TResult>>().HandleAsync(query, CancellationToken.None));

    /// <summary>The order as stored, read in a fresh scope.</summary>
    public Task<Order> LoadAsync(Guid orderId) => InScopeAsync(async sp =>
        await sp.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), CancellationToken.None)
        ?? throw new InvalidOperationException($"Order {orderId} is not stored."));

    public Task<T> WithDbAsync<T>(Func<ErpDbContext, Task<T>> read) => InScopeAsync(sp => read(sp.GetRequiredService<ErpDbContext>()));

    public Task<int> ExecuteSqlAsync(string sql) => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>Runs the domain-events consumer (the automation's Hangfire job) until no event remains; returns how many deliveries it made.</summary>
    public Task<int> DispatchOutboxAsync() => Services.DispatchOutboxAsync();

    /// <summary>Runs the read-model projection (its Hangfire job) until the outbox is drained; returns how many events it applied.</summary>
    public Task<int> ProjectReadModelsAsync() => Services.ProjectReadModelsAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (!_ownsDirectory)
            return;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    // No pool: nothing holds the file once the services are disposed, without clearing every pool of the process.
    private static string ConnectionStringOf(string directory) => $"Data Source={Path.Combine(directory, DatabaseFileName)};Pooling=False";

    private static bool IsApplicationEventHandler(ServiceDescriptor descriptor) =>
        descriptor.ServiceType.IsGenericType &&
        (descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)
            || descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IDomainEventBatchHandler<>)) &&
        descriptor.ImplementationType?.Assembly == typeof(IUnitOfWork).Assembly;
}
