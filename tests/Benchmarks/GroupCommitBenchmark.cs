using System.Data.Common;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// CaptureOrder with 1 to 32 concurrent callers on a SQLite file with <c>synchronous=FULL</c>, grouped commits (the
/// default, at most 64 saves per commit) against one save per commit (<c>Database:SqliteMaxGroupSize=1</c>, decision 012's
/// queue). Each invocation captures 64 orders shared among the callers; the mean is per order. Orders per commit and the
/// callers' latency percentiles are printed at the end of each case ("group commit:" lines in the log).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class GroupCommitBenchmark
{
    public const int OrdersPerInvocation = 64;

    private BenchmarkDatabase _database = null!;
    private long _next;
    private readonly List<double> _latencies = [];
    private readonly CommitCounter _commits = new();

    [Params(1, 4, 16, 32)]
    public int Callers { get; set; }

    [Params(1, 64)]
    public int MaxGroupSize { get; set; }

    [GlobalSetup]
    public void Setup() => _database = BenchmarkDatabase.Start(
        new Dictionary<string, string?> { [DatabaseOptions.SqliteMaxGroupSizeKey] = MaxGroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(_commits)));

    [IterationSetup]
    public void ResetCounts()
    {
        lock (_latencies)
            _latencies.Clear();
        _commits.Reset();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        double[] sorted;
        lock (_latencies)
            sorted = [.. _latencies.Order()];
        Console.WriteLine(FormattableString.Invariant(
            $"group commit: callers={Callers} max group={MaxGroupSize} orders per commit={(double)sorted.Length / Math.Max(_commits.Count, 1):0.0} capture p50={Percentile(sorted, 0.50):0.0} ms p99={Percentile(sorted, 0.99):0.0} ms (last iteration, {sorted.Length} orders)"));
        _database.Dispose();
    }

    [Benchmark(Description = "CaptureOrder, concurrent callers", OperationsPerInvoke = OrdersPerInvocation)]
    public Task Capture() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < OrdersPerInvocation / Callers; i++)
            await CaptureAsync();
    })));

    private async Task CaptureAsync()
    {
        var number = Interlocked.Increment(ref _next);
        var started = Stopwatch.GetTimestamp();
        await _database.CaptureAsync(BenchmarkDatabase.Order($"GROUP-{number}", $"buyer{number % 500}@example.com", [("TEE-CREW-M-BLK", 1)]));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_latencies)
            _latencies.Add(elapsed);
    }

    private static double Percentile(double[] sorted, double rank) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(rank * sorted.Length) - 1)];

    /// <summary>Counts the commits that reach the database, whoever began them (a group or a lone save).</summary>
    private sealed class CommitCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(4).WithUnrollFactor(1));
    }
}
