using BenchmarkDotNet.Attributes;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The order projection's read of a batch's existing read-model rows, tracked for the newer views it applies: the whole rows
/// (documents included) as it read them before, against every column but the document, attached. Orders captured with two lines,
/// their rows holding the documents the projection wrote; the mean is per batch, in a new scope as a projection batch takes one.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns))]
public class OrderReadModelRowsBenchmark
{
    private BenchmarkDatabase _database = null!;
    private List<Guid> _batch = [];

    [Params(100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Start();
        _batch = _database.CaptureTwoLineOrders("ROWS", BatchSize);
        using var scope = _database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var orders = scope.ServiceProvider.GetRequiredService<IOrderRepository>()
            .GetManyAsync([.. _batch.Select(id => new OrderId(id))], CancellationToken.None).GetAwaiter().GetResult();
        foreach (var order in orders.Values)
        {
            var view = OrderView.From(order, lastSequence: 1);
            db.Set<OrderReadModel>().Add(OrderReadModel.From(view, ReadModelJson.Serialize(view)));
        }
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, Description = "whole rows, tracked")]
    public async Task<int> WholeRows()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var ids = _batch;
        var rows = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<OrderReadModel>()
            .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        return Read(rows.Count);
    }

    [Benchmark(Description = "columns but the document, attached")]
    public async Task<int> WithoutDocument()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var ids = _batch;
        var rows = await db.Set<OrderReadModel>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(OrderReadModel.WithoutDocument)
            .ToDictionaryAsync(r => r.Id);
        foreach (var row in rows.Values)
            db.Attach(row);
        return Read(rows.Count);
    }

    private int Read(int count) => count == BatchSize ? count : throw new InvalidOperationException("The batch's rows did not all load.");
}
