using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Api.GraphQL.Transport;
using GraphQL;
using GraphQL.SystemTextJson;

namespace EcomErp.Benchmarks;

/// <summary>
/// What the GraphQL layer costs one request of the load driver's capture (the same document every time, new variables),
/// with the cache of validated documents off (0) and on (the default size). The caller is anonymous, so the mutation stops
/// at its authorization check: what is measured is the bounding, parsing, validation, variable coercion and execution up to
/// the resolver, not the capture itself.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes the executor.")]
[Config(typeof(InProcessConfig))]
public class RepeatedDocumentBenchmark
{
    private const string Mutation = """
        mutation Capture($input: CaptureOrderInput!) {
          captureOrder(input: $input) { order { id status } userErrors { code field message } }
        }
        """;

    private const string Variables = """
        {"input":{"channel":"WEB","externalOrderId":"LOAD-bench-0000001","serviceLevel":"STANDARD",
         "customer":{"email":"load.1@example.com","name":"Load Test"},
         "shipTo":{"name":"Load Test","line1":"Teststraße 1","city":"Berlin","postalCode":"10115","country":"DE"},
         "lines":[{"sku":"TEE-CREW-M-BLK","quantity":2,"unitPrice":{"amount":"25.00","currencyCode":"EUR"}}]}}
        """;

    private AnonymousGraphQLExecutor executor = null!;
    private GraphQLOperationRequest request = null!;

    [Params(0, 1_000_000)]
    public int CacheSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        executor = new AnonymousGraphQLExecutor(CacheSize);
        request = new GraphQLOperationRequest(Mutation, null, new GraphQLSerializer().Deserialize<Inputs>(Variables), null);
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
