using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.Support;

/// <summary>
/// The real composition (AddApplication + AddInfrastructure) on a fresh SQLite file in a temp folder of its
/// own, migrated. Time is a <see cref="FakeTimeProvider"/>; the Application's own event handlers are left
/// out so each test decides which handlers see the outbox.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase(string directory, ServiceProvider services, FakeTimeProvider time, RecordingOutboxSignal signal)
    {
        Directory = directory;
        Services = services;
        Time = time;
        Signal = signal;
    }

    public string Directory { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public RecordingOutboxSignal Signal { get; }
    public string ConnectionString => $"Data Source={Path.Combine(Directory, "erp.db")}";

    public static async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? configure = null, bool seedDemoData = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecomerp-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = "Sqlite",
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "data", "erp.db")}",
            [DatabaseOptions.SeedDemoDataKey] = seedDemoData ? "true" : "false",
        }).Build();
        var time = new FakeTimeProvider(Start);
        var signal = new RecordingOutboxSignal();
        var services = new ServiceCollection().AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);
        services.RemoveAll<IOutboxSignal>();
        services.AddSingleton<IOutboxSignal>(signal);
        foreach (var handler in services.Where(IsApplicationEventHandler).ToList())
            services.Remove(handler);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.InitializeDatabaseAsync();
        return new TestDatabase(directory, provider, time, signal);
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

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    private static bool IsApplicationEventHandler(ServiceDescriptor descriptor) =>
        descriptor.ServiceType.IsGenericType &&
        descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>) &&
        descriptor.ImplementationType?.Assembly == typeof(IUnitOfWork).Assembly;
}

public sealed class RecordingOutboxSignal : IOutboxSignal
{
    private int _notifications;

    public int Notifications => Volatile.Read(ref _notifications);

    public void Notify() => Interlocked.Increment(ref _notifications);
}
