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
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(DependencyInjection.RedisConnectionStringName)))
        {
            services.AddSingleton<IReadModelCache, MemoryReadModelCache>();
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
        services.AddSingleton(sp => new NotificationRelay(sp.GetRequiredService<INotificationBus>(), sp.GetRequiredService<TimeProvider>(),
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

        services.AddSingleton<ReadModelProjector>();
        services.AddSingleton<ReadModelRebuilder>();
        services.AddSingleton<Application.ReadModels.IReadModelMaintenance, ReadModelMaintenance>();
        services.AddSingleton<ReadModelProjectionTrigger>();
        services.AddTransient<ReadModelProjectionJob>();
        services.AddSingleton<ProjectionLagProbe>();
        services.AddSingleton<ProjectionLagMetrics>();
        services.AddHostedService<ReadSideStartup>();
        services.AddHealthChecks().AddCheck<ProjectionLagHealthCheck>(ProjectionHealthCheckName, tags: [DependencyInjection.ReadyTag]);
        AlsoSignalProjection(services);
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

    /// <summary>
    /// A commit that wrote outbox rows signals the persistence's dispatcher; this makes the same signal also
    /// trigger the projection, without the unit of work knowing about read models.
    /// </summary>
    private static void AlsoSignalProjection(IServiceCollection services)
    {
        var dispatch = services.LastOrDefault(d => d.ServiceType == typeof(IOutboxSignal))
            ?? throw new InvalidOperationException($"{nameof(AddReadSide)} needs the outbox signal registered first (AddInfrastructure).");
        services.Remove(dispatch);
        services.AddSingleton<IOutboxSignal>(sp => new OutboxSignals(
            [(IOutboxSignal)Resolve(dispatch, sp), sp.GetRequiredService<ReadModelProjectionTrigger>()]));
    }

    private static object Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Switch}: rebuilding the read models from the outbox")]
    private static partial void LogRebuildRequested(ILogger logger, string @switch);
}

/// <summary>
/// On every node: registers the every-minute safety run of the projection (the job server runs it where
/// the worker role is), asks for a run at start-up, and publishes the lag gauge.
/// </summary>
internal sealed class ReadSideStartup(IRecurringJobManager recurringJobs, ReadModelProjectionTrigger trigger, ProjectionLagMetrics lagGauge)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(lagGauge);
        recurringJobs.AddOrUpdate<ReadModelProjectionJob>(
            ReadModelProjectionJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        trigger.Notify();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
