using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Files;
using EcomErp.Infrastructure.Health;
using EcomErp.Infrastructure.Inventory;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EcomErp.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";
    public const string ParkedEventsHealthCheckName = "outbox-parked-events";
    public const string RedisConnectionStringName = "Redis";
    public const string HangfireSqlServerSchema = "hangfire";

    /// <summary>
    /// The node's Redis connection string, or null when it runs without Redis (the in-process read-model cache and bus): one
    /// rule for the registrations and for the host's start-up warning.
    /// </summary>
    public static string? RedisConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(RedisConnectionStringName) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// The write store (provider from <c>Database:Provider</c>), repositories, unit of work with outbox,
    /// the outbox pipeline, Hangfire storage (its server comes with <see cref="AddOutboxWorker"/>), health
    /// checks tagged "ready", and Redis when <c>ConnectionStrings:Redis</c> is set.
    /// Call <see cref="DatabaseInitializer.InitializeDatabaseAsync"/> once the host is built.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.FromConfiguration(configuration);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);

        // Pooled contexts: every request and every consumer batch uses one, and a new context built its options, looked up
        // EF Core's internal provider by comparing them and resolved a scope of EF services before its first query (about a
        // tenth of the host's allocations under load). A pooled context keeps those; EF Core resets its tracker, transaction
        // and connection state when it goes back. The contexts hold no state of their own beyond one save (ErpDbContext).
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContextPool<SqlServerErpDbContext>(options => SqlServerErpDbContext.Configure(options, database.ConnectionString));
            services.AddScoped<ErpDbContext>(sp => sp.GetRequiredService<SqlServerErpDbContext>());
        }
        else
        {
            services.AddDbContextPool<SqliteErpDbContext>(options => SqliteErpDbContext.Configure(options, database.ConnectionString, database.SqliteSynchronous));
            SqliteGroupCommit.Configure(database.ConnectionString, database.SqliteMaxGroupSize, database.SqliteSynchronous);
            services.AddScoped<ErpDbContext>(sp => sp.GetRequiredService<SqliteErpDbContext>());
        }

        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton<Application.Audit.IAuditLog, Audit.AuditLog>();
        services.AddScoped<Application.Audit.IAuditLogReader, ReadModels.AuditLogReader>();
        services.AddScoped<IOrderRepository, OrderRepository>();
        services.AddScoped<Application.Returns.IReturnRepository, ReturnRepository>();
        services.AddScoped<Application.Exceptions.IExceptionCaseRepository, ExceptionCaseRepository>();
        services.AddScoped<Application.Exceptions.IExceptionCaseReader, ReadModels.ExceptionCaseReader>();
        services.AddScoped<ICatalog, Catalog>();
        services.AddScoped<ICaptureCatalog, CaptureCatalog>();
        services.AddOptions<Caching.ReferenceDataOptions>().Bind(configuration.GetSection(Caching.ReferenceDataOptions.SectionName))
            .Validate(o => o.TimeToLive >= TimeSpan.Zero && o.TimeToLive <= TimeSpan.FromMinutes(5) && o.MaxEntries is >= 100 and <= 10_000_000,
                "EcomErp:ReferenceData:TimeToLive is 0 (off) to 5 minutes and MaxEntries 100 to 10,000,000.").ValidateOnStart();
        services.AddSingleton<Caching.ReferenceDataCache>();
        services.AddSingleton<ReadModels.Projection.OrderViewHandoff>();
        services.AddScoped<Application.Allocation.IMasterDataStamps, MasterDataStamps>();
        services.AddScoped<IPolicyReader, PolicyReader>();
        services.AddScoped<Application.Policies.IPolicyRepository, PolicyRepository>();
        services.AddScoped<Application.Users.IUserAccounts, Access.IdentityUserAccounts>();
        services.AddScoped<IDocumentNumbers, DocumentNumbers>();
        services.AddScoped<IInventoryRepository, InventoryRepository>();
        services.AddScoped<IInventoryDocuments, InventoryDocuments>();
        services.AddScoped<Application.Orders.ICarrierCapacityRepository, CarrierCapacityRepository>();
        services.AddScoped<ILedgerReader, LedgerReader>();
        services.AddScoped<Application.Finance.IFinanceReader, Finance.FinanceReader>();
        services.AddScoped<Application.Catalog.IChannelRepository, ChannelRepository>();
        services.AddScoped<Application.Catalog.ISkuRepository, SkuRepository>();
        services.AddScoped<Application.Catalog.ISupplierRepository, SupplierRepository>();
        services.AddScoped<Application.Catalog.ICarrierRepository, CarrierRepository>();
        services.AddScoped<Application.Catalog.ILocationRepository, LocationRepository>();
        services.AddScoped<Application.Orders.ISavedOrderViewRepository, SavedOrderViewRepository>();
        services.AddScoped<Application.Imports.IImportRunRepository, ImportRunRepository>();
        services.AddSingleton<Application.Imports.IImportFileReader, Imports.CsvImportFileReader>();
        services.AddSingleton<Imports.ImportRunChanges>();
        services.AddScoped<Imports.ImportRunProgress>();
        services.AddScoped<Application.Imports.IImportProgress>(sp => sp.GetRequiredService<Imports.ImportRunProgress>());
        // As the outbox's jobs (decision 086): enqueued only where a job server takes them; elsewhere the worker's starter finds the run.
        services.AddSingleton<Application.Imports.IImportQueue>(sp => ActivatorUtilities.CreateInstance<Imports.HangfireImportQueue>(sp,
            database.Provider == DatabaseProvider.SqlServer || sp.GetService<OutboxJobServer>() is not null));
        services.AddOptions<Application.Imports.ImportOptions>().Bind(configuration.GetSection(Application.Imports.ImportOptions.SectionName))
            .Validate(o => o is { MaxFileBytes: > 0, MaxRows: > 0 } && o.PollInterval >= TimeSpan.Zero && o.PollInterval <= TimeSpan.FromMinutes(1)
                    && o.Lease >= Application.Imports.ImportOptions.ShortestLease && o.Lease <= Application.Imports.ImportOptions.LongestLease,
                "EcomErp:Import:MaxFileBytes and MaxRows are positive, PollInterval 0 to 1 minute, Lease 30 seconds to 1 hour.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Application.Imports.ImportOptions>>().Value);
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<ISecretFiles, OwnerOnlySecretFiles>();

        // The outbox pipeline (decision 050): every consumer of the event log is one AddOutboxConsumer call; AddReadSide adds the projection.
        services.AddOutboxConsumer<DomainEventDispatchConsumer>(DomainEventDispatchConsumer.RecurringJobId);
        services.AddOptions<OutboxPipelineOptions>().Bind(configuration.GetSection(OutboxPipelineOptions.SectionName))
            .Validate(o => o.RetryAttempts is >= 1 and <= 20 && o.RetryBaseDelay >= TimeSpan.Zero && o.RetryBaseDelay <= TimeSpan.FromMinutes(1)
                && o.DomainEventsBatchSize is >= 1 and <= 5_000 && o.Linger >= TimeSpan.Zero && o.Linger <= TimeSpan.FromSeconds(1)
                && o.WatchInterval >= TimeSpan.Zero && o.WatchInterval <= TimeSpan.FromMinutes(1),
                "EcomErp:Outbox:RetryAttempts is 1 to 20, RetryBaseDelay 0 to 1 minute, DomainEventsBatchSize 1 to 5,000, Linger 0 to 1 second and WatchInterval 0 to 1 minute.").ValidateOnStart();
        services.AddSingleton<OutboxPipeline>();
        // A job enqueued on shared storage (SQL Server) reaches the workers; on the embedded default's in-memory storage, only this
        // process's own job server, if it runs the worker (decision 086).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxTrigger>(sp,
            database.Provider == DatabaseProvider.SqlServer || sp.GetService<OutboxJobServer>() is not null));
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxTrigger>());
        services.AddScoped<Application.ParkedEvents.IParkedEvents, ParkedEvents>();
        services.AddSingleton<ParkedEventProbe>();
        services.AddSingleton<ParkedEventMetrics>();
        services.AddHostedService<OutboxStartup>();
        services.AddTransient<Exceptions.ExceptionEscalationJob>();
        services.AddTransient<Exceptions.AbnormalReturnsJob>();
        services.AddTransient<Imports.ImportJob>();
        // Hangfire keeps its storage in a process-wide static (JobStorage.Current) and resolves the DI storage
        // from it once per process. Every host gets a storage instance of its own instead, registered before
        // AddHangfire so its static default is never used: several hosts in one process (the test suite, or an
        // api and a worker started together) would otherwise share one queue and run each other's jobs.
        services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { SchemaName = HangfireSqlServerSchema })
            // Losing queued jobs on restart is safe: the outbox is the durable queue and start-up runs the dispatcher.
            : new InMemoryStorage());
        // Process-wide serializer settings; the same for every host.
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        services.AddHangfire((provider, hangfire) => hangfire.UseLogProvider(
            new Jobs.HostScopedHangfireLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));

        var health = services.AddHealthChecks().AddCheck<ErpDatabaseHealthCheck>("erp-database", tags: [ReadyTag])
            .AddCheck<ParkedEventsHealthCheck>(ParkedEventsHealthCheckName, tags: [ReadyTag]);
        if (RedisConnectionString(configuration) is { } redisConnectionString)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => RedisConnection.Connect(redisConnectionString));
            health.AddCheck<RedisHealthCheck>("erp-redis", tags: [ReadyTag]);
        }

        services.AddReadSide(configuration);
        return services;
    }

    /// <summary>
    /// For the worker role: the Hangfire job server, which runs the outbox consumers' jobs (scheduled on every node by the
    /// pipeline's start-up, decision 050), the every-minute escalation of overdue exception cases, the watch on the outbox's head
    /// (decision 086) and the starter of queued imports no job took (decision 088).
    /// </summary>
    public static IServiceCollection AddOutboxWorker(this IServiceCollection services)
    {
        // The server gets this host's own job activator: Hangfire's default is process-wide, so a second host in
        // the process (or a disposed one) would otherwise build this host's jobs from the wrong container.
        services.AddHangfireServer((provider, options) =>
            options.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHostedService<Exceptions.ExceptionEscalationStartup>();
        services.AddSingleton<OutboxJobServer>();
        services.AddHostedService<OutboxHeadWatch>();
        services.AddHostedService<Imports.ImportStarter>();
        return services;
    }
}
