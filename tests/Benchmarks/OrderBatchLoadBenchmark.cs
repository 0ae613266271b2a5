using BenchmarkDotNet.Attributes;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The automation's load of a dispatch batch (decision 080): its orders whole and tracked, in a new scope as the automation
/// takes one. The repository's load (the orders, then each part for all of them) against the split query with its includes
/// that loaded the batch before (still how a single order is loaded). Freshly captured orders with two lines each, as the
/// automation finds them; the mean is per batch.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns))]
public class OrderBatchLoadBenchmark
{
    private BenchmarkDatabase _database = null!;
    private List<OrderId> _batch = [];

    [Params(10, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Start();
        _batch = [.. _database.CaptureTwoLineOrders("LOAD", BatchSize).Select(id => new OrderId(id))];
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, Description = "split query with includes")]
    public async Task<int> SplitQuery()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var wanted = _batch;
        var orders = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Orders.WithParts()
            .Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        return Loaded(orders);
    }

    [Benchmark(Description = "orders, then each part for all")]
    public async Task<int> Repository()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return Loaded(await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetManyAsync(_batch, CancellationToken.None));
    }

    private int Loaded(IReadOnlyDictionary<OrderId, Order> orders) =>
        orders.Count == BatchSize && orders.Values.All(o => o.Lines.Count == 2 && o.Timeline.Count > 0)
            ? orders.Count
            : throw new InvalidOperationException("The batch did not load whole.");
}
