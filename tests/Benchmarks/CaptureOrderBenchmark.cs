using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

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

    private BenchmarkDatabase _database = null!;
    private long _next;

    [Params(1, 5)]
    public int LinesPerOrder { get; set; }

    [GlobalSetup]
    public void Setup() => _database = BenchmarkDatabase.Start();

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Description = "CaptureOrder, one caller")]
    public Task CaptureOne() => CaptureAsync();

    [Benchmark(Description = "CaptureOrder, 4 concurrent callers", OperationsPerInvoke = ConcurrentOrders)]
    public Task CaptureConcurrently() => Task.WhenAll(Enumerable.Range(0, ConcurrentCallers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < ConcurrentOrders / ConcurrentCallers; i++)
            await CaptureAsync();
    })));

    private Task<Guid> CaptureAsync()
    {
        var number = Interlocked.Increment(ref _next);
        return _database.CaptureAsync(BenchmarkDatabase.Order($"BENCH-{number}", $"buyer{number % 500}@example.com",
            Skus.Take(LinesPerOrder).Select((sku, i) => (sku, i + 1))));
    }

    internal static readonly string[] Skus = ["TEE-CREW-M-BLK", "TEE-VNECK-L-WHT", "HOODIE-ZIP-S-NVY", "JEANS-SLIM-M-GRY", "POLO-PIQUE-XL-OLV"];

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3).WithIterationCount(10).WithInvocationCount(64).WithUnrollFactor(1));
    }
}
