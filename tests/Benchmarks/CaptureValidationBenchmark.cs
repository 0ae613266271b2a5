using BenchmarkDotNet.Attributes;
using EcomErp.Application;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The capture's validator (the product's rules, resolved as the handler resolves it) run the two ways FluentValidation offers:
/// its asynchronous path, which the product took for every command before, and <see cref="ValidationExtensions.CheckAsync{T}"/>,
/// which runs synchronous rules synchronously. No database: the rules are the value objects' own checks.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns))]
public class CaptureValidationBenchmark
{
    private ServiceProvider _services = null!;
    private IValidator<CaptureOrder> _validator = null!;
    private CaptureOrder _command = null!;

    [Params(1, 5)]
    public int LinesPerOrder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddApplication().BuildServiceProvider();
        _validator = _services.GetRequiredService<IValidator<CaptureOrder>>();
        _command = BenchmarkDatabase.Order("BENCH-1", "buyer@example.com", CaptureOrderBenchmark.Skus.Take(LinesPerOrder).Select((sku, i) => (sku, i + 1)));
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "ValidateAsync (FluentValidation's asynchronous path)")]
    public Task<ValidationResult> Asynchronously() => _validator.ValidateAsync(_command);

    [Benchmark(Description = "CheckAsync (synchronous rules run synchronously)")]
    public Task<Result> Check() => _validator.CheckAsync(_command, CancellationToken.None);
}
