using BenchmarkDotNet.Attributes;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Benchmarks;

/// <summary>
/// The outbox pipeline draining the same rows for one consumer, and for two one after the other (as the automation and the
/// projection follow the same rows): what the second consumer costs beyond the first. The consumers only count what they are
/// given, so the figures are the pipeline's own reading and reading back of the events. 500 captured orders' rows; each run
/// starts the consumers at the beginning of the log again.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns))]
public class OutboxConsumersBenchmark
{
    private BenchmarkDatabase _database = null!;
    private OutboxPipeline _pipeline = null!;
    private int _rows;

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Start(configure: services =>
        {
            services.AddOutboxConsumer<FirstCounter>(FirstCounter.ConsumerName);
            services.AddOutboxConsumer<SecondCounter>(SecondCounter.ConsumerName);
        });
        _database.CaptureTwoLineOrders("DRAIN", 500);
        using var scope = _database.Services.CreateScope();
        _rows = scope.ServiceProvider.GetRequiredService<ErpDbContext>().OutboxMessages.Count();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    /// <summary>A new pipeline (nothing read yet), and both consumers at the start of the log.</summary>
    [IterationSetup]
    public void FromTheStart()
    {
        _pipeline = ActivatorUtilities.CreateInstance<OutboxPipeline>(_database.Services);
        using var scope = _database.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ErpDbContext>().OutboxCheckpoints
            .Where(c => c.Consumer == FirstCounter.ConsumerName || c.Consumer == SecondCounter.ConsumerName).ExecuteDelete();
    }

    [Benchmark(Baseline = true, Description = "one consumer")]
    public async Task<int> OneConsumer() => Drained(await _pipeline.RunAsync(FirstCounter.ConsumerName, CancellationToken.None));

    [Benchmark(Description = "two consumers, one after the other")]
    public async Task<int> TwoConsumers() =>
        Drained(await _pipeline.RunAsync(FirstCounter.ConsumerName, CancellationToken.None))
        + Drained(await _pipeline.RunAsync(SecondCounter.ConsumerName, CancellationToken.None));

    private int Drained(int delivered) => delivered == _rows ? delivered : throw new InvalidOperationException($"{delivered} of {_rows} rows delivered.");

    private abstract class Counter(string name) : IOutboxConsumer
    {
        public string Name => name;
        public int BatchSize => 500;
        public bool CommitsCheckpoint => false;

        public Task ConsumeAsync(OutboxBatch batch, IServiceProvider services, CancellationToken cancellationToken) =>
            batch.Events.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("An empty batch.");
    }

    private sealed class FirstCounter() : Counter(ConsumerName)
    {
        public const string ConsumerName = "bench-first";
    }

    private sealed class SecondCounter() : Counter(ConsumerName)
    {
        public const string ConsumerName = "bench-second";
    }
}
