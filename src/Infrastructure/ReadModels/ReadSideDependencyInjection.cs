using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Infrastructure.Access;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Messaging;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.ReadModels;

public static partial class ReadSideDependencyInjection
{
    /// <summary>The host switch that rebuilds the read models and exits.</summary>
    public const string RebuildSwitch = "--rebuild-read-models";

    public const string ProjectionHealthCheckName = "read-model-projection";

    /// <summary>
    /// The read side: read-model queries, the cache and the notification bus (in-process, or Redis when
    /// <c>ConnectionStrings:Redis</c> is set), the projection job with its trigger, safety run and lag
    /// reporting, the rebuild, and the API client store. Called by <c>AddInfrastructure</c>, after the outbox.
    /// </summary>
    public static IServiceCollection AddReadSide(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReadModelOptions.FromConfiguration(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // With Redis configured, AddInfrastructure registers the one multiplexer (see RedisConnection).
        if (DependencyInjection.RedisConnectionString(configuration) is null)
        {
            // The in-process cache is kept current by the projection of this process: a process that does not run it (no worker
            // role) reads the tables (decision 087).
            services.AddSingleton<IReadModelCache>(sp => sp.GetService<OutboxJobServer>() is null
                ? new NoReadModelCache()
                : ActivatorUtilities.CreateInstance<MemoryReadModelCache>(sp));
            services.AddSingleton<INotificationBus, InProcessNotificationBus>();
        }
        else
        {
            services.AddSingleton<IReadModelCache, RedisReadModelCache>();
            services.AddSingleton<INotificationBus, RedisNotificationBus>();
            services.AddSingleton<RedisOutageLog>();
            services.AddSingleton<ReadModelCacheRepair>();
            services.AddHostedService<ReadModelCacheRepairStartup>();
        }
        // A factory: the relay's constructor takes internal types, and Redis only where it is configured.
        // The relay's retry waits real time between real connections, not the business clock (frozen by tests and some hosts).
        services.AddSingleton(sp => new NotificationRelay(sp.GetRequiredService<INotificationBus>(),
            sp.GetRequiredKeyedService<TimeProvider>(Application.Abstractions.ConcurrencyRetry.ClockKey),
            sp.GetRequiredService<ILogger<NotificationRelay>>(), sp.GetService<StackExchange.Redis.IConnectionMultiplexer>(), sp.GetService<RedisOutageLog>()));

        services.AddScoped<IOrderReadModels, OrderReadModels>();
        services.AddScoped<ISkuReadModels, SkuReadModels>();
        services.AddScoped<IMasterDataReader, MasterDataReader>();
        services.AddScoped<IInventoryPositionReadModels, InventoryPositionReadModels>();
        services.AddScoped<IInventoryLedgerReadModels, InventoryLedgerReadModels>();
        services.AddScoped<ICycleCountReadModels, CycleCountReadModels>();
        services.AddScoped<IPurchaseOrderReadModels, PurchaseOrderReadModels>();
        services.AddScoped<Application.Returns.IReturnReadModels, ReturnReadModels>();
        services.AddScoped<Application.Returns.Kpis.IReturnKpiReader, ReturnKpiReader>();
        services.AddScoped<IApiClientRepository, ApiClientRepository>();

        services.AddOutboxConsumer<ReadModelProjector>(ReadModelProjector.RecurringJobId);
        services.AddSingleton<ReadModelRebuilder>();
        services.AddSingleton<Application.ReadModels.IReadModelMaintenance, ReadModelMaintenance>();
        services.AddSingleton<ProjectionLagProbe>();
        services.AddSingleton<ProjectionLagMetrics>();
        services.AddHealthChecks().AddCheck<ProjectionLagHealthCheck>(ProjectionHealthCheckName, tags: [DependencyInjection.ReadyTag]);
        return services;
    }

    /// <summary>
    /// For the host, after <c>InitializeDatabaseAsync</c>: with <see cref="RebuildSwitch"/> among the arguments,
    /// rebuilds the read models and returns true (the host then exits); otherwise does nothing and returns false.
    /// </summary>
    public static async Task<bool> RunReadModelRebuildIfRequestedAsync(this IServiceProvider services, string[] args,
        CancellationToken cancellationToken = default)
    {
        if (!args.Contains(RebuildSwitch, StringComparer.Ordinal))
            return false;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadSideDependencyInjection));
        LogRebuildRequested(logger, RebuildSwitch);
        await services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Switch}: rebuilding the read models from the outbox")]
    private static partial void LogRebuildRequested(ILogger logger, string @switch);
}
