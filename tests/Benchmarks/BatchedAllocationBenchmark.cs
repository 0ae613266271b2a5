using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.AllocateOrder;
using EcomErp.Application.Orders.ValidateOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The automation's validate-and-allocate step for a dispatch batch of freshly captured orders on a SQLite file (WAL,
/// synchronous=FULL, demo master data, stock deep enough that every order allocates): the batched path (decision 051:
/// one load per order, one network and snapshot, one commit for the batch) against the single-order path it replaced
/// (ValidateOrder then AllocateOrder per order, two commits per order). Each iteration captures a new batch first (not
/// measured); time per order = mean / BatchSize.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MonitoringConfig))]
public class BatchedAllocationBenchmark
{
    private BenchmarkDatabase _database = null!;
    private ServiceProvider _services = null!;
    private long _next;
    private List<Guid> _batch = [];

    [Params(1, 10, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Start();
        _services = _database.Services;
        // Deep stock everywhere, so every iteration allocates in full (the benchmark measures the step, not the ledger's history).
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ErpDbContext>().Database.ExecuteSqlRaw("UPDATE InventoryBalances SET Available = 1000000, SafetyStock = 0");
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [IterationSetup]
    public void CaptureBatch() => _batch = [.. Enumerable.Range(0, BatchSize).Select(_ => CaptureAsync().GetAwaiter().GetResult())];

    [Benchmark(Baseline = true, Description = "single-order path (2 commits per order)")]
    public async Task SingleOrderPath()
    {
        foreach (var id in _batch)
        {
            await StepAsync<ValidateOrder>(new ValidateOrder(id, Actor.System));
            await StepAsync<AllocateOrder>(new AllocateOrder(id, Actor.System));
        }
    }

    [Benchmark(Description = "batched path (1 commit per batch)")]
    public async Task BatchedPath()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDomainEventPublisher>()
            .PublishBatchAsync([.. _batch.Select(Captured)], CancellationToken.None);
    }

    private async Task StepAsync<TCommand>(TCommand command)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, OrderCommandResult>>().HandleAsync(command, CancellationToken.None);
        if (result.IsFailure)
            throw new InvalidOperationException($"{typeof(TCommand).Name} failed: {result.Error}");
    }

    // The automation reads only the order id from the event; it acts on the order's current state.
    private static IDomainEvent Captured(Guid id) =>
        new OrderCaptured(id, "WEB", "", "EUR", ServiceLevel.Standard, OrderPriority.Normal, "", "", "DE", 0, [], Actor.SystemId, DateTimeOffset.UtcNow);

    private Task<Guid> CaptureAsync()
    {
        var number = Interlocked.Increment(ref _next);
        return _database.CaptureAsync(BenchmarkDatabase.Order($"BATCH-{BatchSize}-{number}", "buyer@example.com", [(Skus[number % Skus.Length], 1)]));
    }

    private static readonly string[] Skus = ["TEE-CREW-M-BLK", "TEE-VNECK-L-WHT", "HOODIE-ZIP-S-NVY", "JEANS-SLIM-M-GRY", "POLO-PIQUE-XL-OLV"];

    private sealed class MonitoringConfig : ManualConfig
    {
        // Each iteration is one batch on orders captured by the iteration setup (which needs one invocation per iteration).
        public MonitoringConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10)
            .WithInvocationCount(1).WithUnrollFactor(1));
    }
}
