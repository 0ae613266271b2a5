using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// CaptureOrder through the Application layer on a SQLite file (WAL, demo master data): validation, master
/// data look-ups, the idempotency read, the aggregate, and one transaction with state and outbox row.
/// Orders/s = 1 / mean (single caller) or 1 / mean per order (concurrent callers).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class CaptureOrderBenchmark
{
    public const int ConcurrentOrders = 32;
    public const int ConcurrentCallers = 4;

    private string _directory = "";
    private ServiceProvider _services = null!;
    private long _next;

    [Params(1, 5)]
    public int LinesPerOrder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomerp-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={Path.Combine(_directory, "erp.db")}",
            [DatabaseOptions.SeedDemoDataKey] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        _services = services.BuildServiceProvider();
        _services.InitializeDatabaseAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "CaptureOrder, one caller")]
    public Task CaptureOne() => CaptureAsync();

    [Benchmark(Description = "CaptureOrder, 4 concurrent callers", OperationsPerInvoke = ConcurrentOrders)]
    public Task CaptureConcurrently() => Task.WhenAll(Enumerable.Range(0, ConcurrentCallers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < ConcurrentOrders / ConcurrentCallers; i++)
            await CaptureAsync();
    })));

    private async Task CaptureAsync()
    {
        var number = Interlocked.Increment(ref _next);
        await using var scope = _services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ICommandHandler<CaptureOrder, CapturedOrder>>();
        var result = await handler.HandleAsync(Command(number), CancellationToken.None);
        if (result.IsFailure)
            throw new InvalidOperationException($"Capture failed: {result.Error}");
    }

    private CaptureOrder Command(long number) => new(
        Actor.System, "WEB", $"BENCH-{number}", ServiceLevel.Standard,
        new CaptureOrderCustomer($"buyer{number % 500}@example.com", "Bench Buyer"),
        new CaptureOrderAddress("Bench Buyer", "Torstraße 1", null, "Berlin", "10119", "DE"),
        [.. Skus.Take(LinesPerOrder).Select((sku, i) => new CaptureOrderLine(sku, i + 1, new CaptureOrderPrice(25.00m, "EUR")))]);

    private static readonly string[] Skus = ["TEE-CREW-M-BLK", "TEE-VNECK-L-WHT", "HOODIE-ZIP-S-NVY", "JEANS-SLIM-M-GRY", "POLO-PIQUE-XL-OLV"];

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3).WithIterationCount(10).WithInvocationCount(64).WithUnrollFactor(1));
    }
}
