using System.Net;
using System.Text;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Documents built to make validation expensive are refused by the transport's limits before the engine validates them
/// (its overlapping-fields rule is quadratic in repeated fields): the proof is that the engine's validator never ran.
/// The time each takes is in the benchmark (tests/Benchmarks, ValidationCostBenchmark), not here.
/// </summary>
public sealed class ValidationCostTests : IAsyncLifetime
{
    private readonly RecordingDocumentValidator validator = new();
    private TransportTestServer server = null!;

    public async Task InitializeAsync() => server = await TransportTestServer.StartAsync(services: services => services.AddSingleton<IDocumentValidator>(validator));

    public async Task DisposeAsync() => await server.DisposeAsync();

    public static TheoryData<string, string> Attacks => new()
    {
        // 40,000 copies of one field: 240 KB, under the request size limit.
        { "{ node { " + Repeat("value ", 40_000) + "} }", GraphQLErrorCodes.MaxTokensExceeded },
        // Under the token limit, over the field limit.
        { "{ node { " + Repeat("value ", 1_001) + "} }", GraphQLErrorCodes.MaxNodesExceeded },
        // Ten fragments, each spreading the next ten times: ten billion fields once expanded, 600 tokens written.
        { "{ node { ...F0 } } " + string.Concat(Enumerable.Range(0, 10).Select(i => $"fragment F{i} on Node {{ {Repeat($"...F{i + 1} ", 10)}}} ")) + "fragment F10 on Node { value }", GraphQLErrorCodes.MaxNodesExceeded },
        // Many operations in one document.
        { string.Concat(Enumerable.Range(0, 110).Select(i => $"query Q{i} {{ {Repeat("hello ", 10)}}} ")), GraphQLErrorCodes.MaxNodesExceeded },
        // Within the parser's nesting, beyond the field depth limit.
        { Nested(30), GraphQLErrorCodes.MaxDepthExceeded },
        // Beyond the parser's nesting: 70 levels (the 590-byte GET of the report).
        { Nested(70), GraphQLErrorCodes.MaxDepthExceeded },
        // Depth reached through fragments.
        { "{ node { ...D0 } } " + string.Concat(Enumerable.Range(0, 20).Select(i => $"fragment D{i} on Node {{ child {{ ...D{i + 1} }} }} ")) + "fragment D20 on Node { value }", GraphQLErrorCodes.MaxDepthExceeded },
        // A chain of fragments that nests no fields but would nest the stack.
        { "{ node { ...C0 } } " + string.Concat(Enumerable.Range(0, 200).Select(i => $"fragment C{i} on Node {{ ...C{i + 1} }} ")) + "fragment C200 on Node { value }", GraphQLErrorCodes.MaxDepthExceeded },
        // Eleven selections of one response name: the overlapping-fields rule compares every pair, and these all conflict.
        { "{ node { " + string.Concat(Enumerable.Range(0, 11).Select(i => $"children(first: {i}) {{ value }} ")) + "} }", GraphQLErrorCodes.MaxRepeatedSelectionsExceeded },
        // The same through a fragment spread several times.
        { "{ node { " + Repeat("...R ", 11) + "} } fragment R on Node { value child { value } }", GraphQLErrorCodes.MaxRepeatedSelectionsExceeded },
        // Repeated directives and arguments cost tokens.
        { "{ hello " + Repeat("@skip(if: false) ", 4_000) + "}", GraphQLErrorCodes.MaxTokensExceeded },
        { "{ echo(" + Repeat("number: 1 ", 6_000) + ") }", GraphQLErrorCodes.MaxTokensExceeded },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task ExpensiveDocument_IsRefusedNamingTheLimit_BeforeTheEngineValidatesIt(string query, string code)
    {
        var response = await server.Http.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Equal(0, validator.Calls);
    }

    [Fact]
    public async Task DocumentNearEveryLimit_IsValidatedAndExecuted()
    {
        // 901 fields, each response name ten times at most per selection set, four levels deep.
        var leaf = "children(first: 1) { " + Repeat("value ", 10) + "} ";
        var query = "{ node { " + Repeat("children(first: 1) { " + Repeat(leaf, 9) + "} ", 9) + "} }";

        var response = await server.Http.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("v", response.Body.GetProperty("data").GetProperty("node").GetProperty("children")[0].GetProperty("children")[0].GetProperty("value").GetString());
        Assert.Equal(1, validator.Calls);
    }

    [Fact]
    public async Task FragmentsSpreadManyTimesWithinTheLimit_AreExecuted()
    {
        var query = "{ node { ...A } } fragment A on Node { ...B ...B child { ...B } } fragment B on Node { value child { value } }";

        var response = await server.Http.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("v", response.Body.GetProperty("data").GetProperty("node").GetProperty("child").GetProperty("value").GetString());
    }

    [Fact]
    public async Task OverALimitOnTheWebSocket_IsAnErrorMessageWithTheLimitsCode()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SubscribeAsync("1", "{ node { " + Repeat("value ", 1_001) + "} }");
        var message = await client.ReceiveAsync();

        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal(GraphQLErrorCodes.MaxNodesExceeded, message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, validator.Calls);
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string Nested(int levels) => "{ node " + Repeat("{ child ", levels) + "{ value }" + new string('}', levels) + " }";
}

/// <summary>The engine's own validator, counting how often the engine asks it to validate.</summary>
public sealed class RecordingDocumentValidator : IDocumentValidator
{
    private readonly DocumentValidator inner = new();
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        Interlocked.Increment(ref calls);
        return inner.ValidateAsync(options);
    }
}
