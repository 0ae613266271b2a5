using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EcomErp.Benchmarks;

/// <summary>
/// In this process (the benchmarks use the product's internals and its SQLite file), 3 warm-ups and 15 iterations: the settings the
/// benchmarks without a measured reason for others share.
/// </summary>
internal sealed class InProcessRuns : ManualConfig
{
    public InProcessRuns() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
}
