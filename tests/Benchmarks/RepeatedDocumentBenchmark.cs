using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.LoadDriver;
using GraphQL;
using GraphQL.SystemTextJson;

namespace EcomErp.Benchmarks;

/// <summary>
/// What the GraphQL layer costs one request of the load driver's capture (<see cref="CaptureDocument"/>: the same document every time),
/// with the cache of validated documents off (0) and on (the default size). The caller is anonymous, so the mutation stops
/// at its authorization check: what is measured is the bounding, parsing, validation, variable coercion and execution up to
/// the resolver, not the capture itself.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes the executor.")]
[Config(typeof(InProcessConfig))]
public class RepeatedDocumentBenchmark
{
    private AnonymousGraphQLExecutor executor = null!;
    private GraphQLOperationRequest request = null!;

    [Params(0, 1_000_000)]
    public int CacheSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        executor = new AnonymousGraphQLExecutor(CacheSize);
        var variables = JsonSerializer.Serialize(new { input = CaptureDocument.Input("WEB", "LOAD-bench-0000001", 1) });
        request = new GraphQLOperationRequest(CaptureDocument.Mutation, null, new GraphQLSerializer().Deserialize<Inputs>(variables), null);
    }

    [GlobalCleanup]
    public void Cleanup() => executor.Dispose();

    [Benchmark]
    public Task<string?> PrepareAndExecute() => executor.RunAsync(request);

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
    }
}
