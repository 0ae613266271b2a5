using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The order's read-model document (written at every status of every order, read by every order query that misses the cache):
/// the serializer generated at build time against the run-time serializer with the same options. The view of a freshly captured
/// order with two lines.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns))]
public class OrderViewJsonBenchmark
{
    private OrderView _view = null!;
    private string _document = "";

    [GlobalSetup]
    public void Setup()
    {
        using var database = BenchmarkDatabase.Start();
        var id = database.CaptureAsync(BenchmarkDatabase.Order("JSON-1", "buyer@example.com", [("TEE-CREW-M-BLK", 1), ("JEANS-SLIM-M-GRY", 2)])).GetAwaiter().GetResult();
        using var scope = database.Services.CreateScope();
        var order = scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(id), CancellationToken.None).GetAwaiter().GetResult()!;
        _view = OrderView.From(order, lastSequence: 1);
        _document = ReadModelJson.Serialize(_view);
    }

    [Benchmark(Baseline = true, Description = "write, run-time serializer")]
    public string WriteAtRunTime() => JsonSerializer.Serialize(_view, ReadModelJson.Options);

    [Benchmark(Description = "write, generated serializer")]
    public string WriteGenerated() => ReadModelJson.Serialize(_view);

    [Benchmark(Description = "read, run-time serializer")]
    public OrderView? ReadAtRunTime() => JsonSerializer.Deserialize<OrderView>(_document, ReadModelJson.Options);

    [Benchmark(Description = "read, generated serializer")]
    public OrderView ReadGenerated() => ReadModelJson.ToOrderView(_document);
}
