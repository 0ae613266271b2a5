using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The Application and Infrastructure services on a new SQLite file (WAL, <c>synchronous=FULL</c>, the demo master data) for one
/// benchmark's run; disposing deletes the file.
/// </summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private readonly string _directory;

    private BenchmarkDatabase(ServiceProvider services, string directory) => (Services, _directory) = (services, directory);

    /// <summary>Creates the file and its schema, seeded; a benchmark disposes it in its global clean-up.</summary>
    /// <param name="settings">Configuration beyond the file and the demo data.</param>
    /// <param name="configure">Services changed after the product's own registrations.</param>
    public static BenchmarkDatabase Start(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecomerp-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "erp.db")}",
            [DatabaseOptions.SeedDemoDataKey] = "true",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        // The benchmarks run the consumers in this process, as the worker's does.
        services.AddSingleton<OutboxJobServer>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        provider.InitializeDatabaseAsync().GetAwaiter().GetResult();
        return new BenchmarkDatabase(provider, directory);
    }

    public ServiceProvider Services { get; }

    /// <summary>Captures an order through the Application layer, in a scope of its own as a request would; its id.</summary>
    public async Task<Guid> CaptureAsync(CaptureOrder command)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<CaptureOrder, CapturedOrder>>().HandleAsync(command, CancellationToken.None);
        return result.IsSuccess ? result.Value.OrderId : throw new InvalidOperationException($"Capture failed: {result.Error}");
    }

    /// <summary>
    /// Captures <paramref name="count"/> orders of two lines each (one tee, two jeans), the shape the read and pipeline benchmarks
    /// measure: external ids <c>{prefix}-1</c> onwards, a customer of their own each; their ids in that order.
    /// </summary>
    public List<Guid> CaptureTwoLineOrders(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(number => CaptureAsync(Order($"{prefix}-{number}", $"buyer{number}@example.com",
            [("TEE-CREW-M-BLK", 1), ("JEANS-SLIM-M-GRY", 2)])).GetAwaiter().GetResult())];

    /// <summary>An order of the web channel to Berlin, each line at 25.00 EUR.</summary>
    public static CaptureOrder Order(string externalOrderId, string customerEmail, IEnumerable<(string Sku, int Quantity)> lines) => new(
        Actor.System, "WEB", externalOrderId, ServiceLevel.Standard,
        new CaptureOrderCustomer(customerEmail, "Bench Buyer"),
        new CaptureOrderAddress("Bench Buyer", "Torstraße 1", null, "Berlin", "10119", "DE"),
        [.. lines.Select(line => new CaptureOrderLine(line.Sku, line.Quantity, new CaptureOrderPrice(25.00m, "EUR")))]);

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
