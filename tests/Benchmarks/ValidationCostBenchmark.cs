using System.Diagnostics.CodeAnalysis;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcomErp.Api.GraphQL.Transport;

namespace EcomErp.Benchmarks;

/// <summary>
/// What one request costs the server when it is built to be expensive to validate, against the real schema with the default
/// limits: <see cref="GraphQLOperationExecutor.Prepare"/> and <see cref="GraphQLOperationExecutor.ExecuteAsync"/> as both
/// transports run them (anonymous caller, so a document that passes validation stops at authorization, not in the store).
/// Every document is under the 256 KB request limit; the goal is that each is refused or answered in at most 100 ms.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes the executor.")]
[Config(typeof(InProcessConfig))]
public class ValidationCostBenchmark
{
    private static readonly Dictionary<string, string> Documents = new()
    {
        // Refused before validation.
        ["40,000 repeated fields"] = "{ skus(first: 1) { nodes { " + Repeat("code ", 40_000) + "} } }",
        ["fragment fan-out 10^10"] = "{ skus(first: 1) { nodes { ...F0 } } } " +
            string.Concat(Enumerable.Range(0, 10).Select(i => $"fragment F{i} on Sku {{ {Repeat($"...F{i + 1} ", 10)}}} ")) + "fragment F10 on Sku { code }",
        ["1,500 operations"] = string.Concat(Enumerable.Range(0, 1_500).Select(i => $"query Q{i} {{ skus(first: 1) {{ totalCount }} }} ")),
        ["70 levels of nesting"] = "{ skus(first: 1) " + Repeat("{ nodes ", 70) + "{ code }" + new string('}', 70) + " }",
        ["1,000 repeated fields"] = "{ skus(first: 1) { nodes { " + Repeat("code ", 997) + "} } }",
        // Validated: the largest of each shape the limits let through.
        ["10 x 10 conflicting selections"] = "{ " + Repeat("skus(first: 1) { nodes { " + string.Concat(Enumerable.Range(0, 10).Select(i => $"code(x: {i}) ")) + "} } ", 10) + "}",
        ["400 fragments spread once"] = "{ skus(first: 1) { nodes { " + string.Concat(Enumerable.Range(0, 400).Select(i => $"...S{i} ")) + "} } } " +
            string.Concat(Enumerable.Range(0, 400).Select(i => $"fragment S{i} on Sku {{ code }} ")),
        ["1,000 fragments spread once"] = "{ skus(first: 1) { nodes { " + string.Concat(Enumerable.Range(0, 997).Select(i => $"...S{i} ")) + "} } } " +
            string.Concat(Enumerable.Range(0, 997).Select(i => $"fragment S{i} on Sku {{ f{i}: code }} ")),
        ["1,650 repeated arguments"] = "{ skus(" + Repeat("first: 1 ", 1_650) + ") { totalCount } }",
        ["700 directives"] = "{ skus(first: 1) { totalCount " + Repeat("@include(if: true) ", 700) + "} }",
        ["1,240 unused variables"] = "query(" + string.Concat(Enumerable.Range(0, 1_240).Select(i => $"$v{i}: Int ")) + ") { skus(first: 1) { totalCount } }",
        ["4,990 repeated arguments"] = "{ skus(" + Repeat("first: 1 ", 4_990) + ") { totalCount } }",
        ["3,700 unused variables"] = "query(" + string.Concat(Enumerable.Range(0, 3_700).Select(i => $"$v{i}: Int ")) + ") { skus(first: 1) { totalCount } }",
        ["3,000 undeclared variables"] = "{ skus(first: 1) { nodes { " + string.Concat(Enumerable.Range(0, 3_000).Select(i => $"code(x: $v{i}) ")) + "} } }",
        ["250 KB string argument"] = "{ skus(first: 1, after: \"" + new string('x', 250_000) + "\") { totalCount } }",
    };

    private AnonymousGraphQLExecutor executor = null!;
    private GraphQLOperationRequest request = null!;

    [ParamsSource(nameof(DocumentNames))]
    public string Document { get; set; } = "";

    public static IEnumerable<string> DocumentNames => Documents.Keys;

    [GlobalSetup]
    public void Setup()
    {
        // What a document costs the first time it is seen: a kept document would skip validation from the second iteration on.
        executor = new AnonymousGraphQLExecutor(validatedDocumentCacheSize: 0);
        request = new GraphQLOperationRequest(Documents[Document], null, null, null);
        if (Encoding.UTF8.GetByteCount(request.Query) > new GraphQLTransportOptions().MaxRequestBytes)
        {
            throw new InvalidOperationException($"'{Document}' is larger than the request limit: it would never reach the executor.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => executor.Dispose();

    [Benchmark]
    public Task<string?> PrepareAndExecute() => executor.RunAsync(request);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(8));
    }
}
