using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Application.Tests.Support;

/// <summary>
/// The Application with its real Infrastructure on a fresh SQLite file seeded with the demo master data.
/// Each command runs in a scope of its own, as a request would; <see cref="DispatchOutboxAsync"/> plays
/// the Hangfire job, so automatic progression happens when the test says, not by timing.
/// </summary>
public sealed class ErpTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory;

    private ErpTestHost(string directory, ServiceProvider services, FakeTimeProvider time) =>
        (_directory, Services, Time) = (directory, services, time);

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<ErpTestHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecomerp-app-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = "Sqlite",
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "erp.db")}",
            [DatabaseOptions.SeedDemoDataKey] = "true",
        }).Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection().AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);
        // The test plays the Hangfire job itself (DispatchOutboxAsync); no background enqueue.
        services.RemoveAll<IOutboxSignal>();
        services.AddSingleton<IOutboxSignal, NoOutboxSignal>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.InitializeDatabaseAsync();
        return new ErpTestHost(directory, provider, time);
    }

    public async Task<Result<TResult>> SendAsync<TCommand, TResult>(TCommand command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command, CancellationToken.None);
    }

    public async Task<Result<TResult>> QueryAsync<TQuery, TResult>(TQuery query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQueryHandler<TQuery, TResult>>().HandleAsync(query, CancellationToken.None);
    }

    /// <summary>The order as stored, read in a fresh scope.</summary>
    public async Task<Order> LoadAsync(Guid orderId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), CancellationToken.None)
            ?? throw new InvalidOperationException($"Order {orderId} is not stored.");
    }

    /// <summary>Runs the outbox dispatcher until no event remains; returns how many deliveries it made.</summary>
    public Task<int> DispatchOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>Runs the read-model projection until the outbox is drained (the Hangfire job's work); returns how many events it applied.</summary>
    public Task<int> ProjectReadModelsAsync() => Services.GetRequiredService<ReadModelProjector>().ProjectPendingAsync(CancellationToken.None);

    public async Task<T> WithDbAsync<T>(Func<ErpDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ErpDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    private sealed class NoOutboxSignal : IOutboxSignal
    {
        public void Notify()
        {
        }
    }
}
