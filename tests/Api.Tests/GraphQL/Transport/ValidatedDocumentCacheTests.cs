using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using EcomErp.Api.GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Api.Tests.GraphQL.Transport.GraphQLHttpClientExtensions;

namespace EcomErp.Api.Tests.GraphQL.Transport;

/// <summary>
/// The executor's cache of validated documents (<see cref="GraphQLTransportOptions.ValidatedDocumentCacheSize"/>): the engine's
/// validator is wrapped to record how many rules each request ran, so a test sees whether the document was validated in full
/// or came from the cache, where only the complexity rule runs, and only when a variable can change the complexity (a list's
/// size given by one, a field a directive's variable leaves out); else no rule runs and only the variables are coerced.
/// </summary>
public sealed class ValidatedDocumentCacheTests : IAsyncLifetime
{
    private static readonly int AllRules = DocumentValidator.CoreRules.Count() + 1;

    private readonly RecordingValidator validator = new();
    private TransportTestServer server = null!;

    public async Task InitializeAsync() => server = await StartAsync(cacheSize: null);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ADocumentSentAgain_IsAnsweredWithoutBeingValidatedAgain()
    {
        var answers = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var response = await server.Http.PostGraphQLAsync("{ hello whoAmI }");
            Assert.Equal(HttpStatusCode.OK, response.Status);
            answers.Add(response.Body.GetProperty("data").GetProperty("whoAmI").GetString());
        }

        Assert.Equal([TransportTestServer.User, TransportTestServer.User, TransportTestServer.User], answers);
        Assert.Equal([AllRules, 0, 0], validator.RuleCounts);
    }

    [Fact]
    public async Task ADocumentThatFailsValidation_IsNeverKept()
    {
        var first = await server.Http.PostGraphQLAsync("{ hello nope }");
        var second = await server.Http.PostGraphQLAsync("{ hello nope }");

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.NotEmpty(second.ErrorCodes);
        Assert.Equal(first.ErrorCodes, second.ErrorCodes);
        Assert.False(second.Body.TryGetProperty("data", out _));
        Assert.Equal([AllRules, AllRules], validator.RuleCounts);
    }

    [Fact]
    public async Task AKeptDocument_IsStillMeasuredAgainstEachRequestsVariables()
    {
        const string query = "query($n: Int) { node { children(first: $n) { children(first: $n) { value } } } }";

        var small = await PostAsync(query, new { n = 2 });
        var large = await PostAsync(query, new { n = 10 });

        Assert.True(small.HasData);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Equal([GraphQLErrorCodes.MaxComplexityExceeded], large.ErrorCodes);
        Assert.Contains("maximum complexity is 40", large.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal([AllRules, 1], validator.RuleCounts);
    }

    [Fact]
    public async Task AKeptDocument_WhoseListSizeAFragmentTakesFromAVariable_IsStillMeasured()
    {
        const string query = "query($n: Int) { node { ...Nested } } fragment Nested on Node { children(first: $n) { children(first: $n) { value } } }";

        var small = await PostAsync(query, new { n = 2 });
        var large = await PostAsync(query, new { n = 10 });

        Assert.True(small.HasData);
        Assert.Equal([GraphQLErrorCodes.MaxComplexityExceeded], large.ErrorCodes);
        Assert.Equal([AllRules, 1], validator.RuleCounts);
    }

    [Fact]
    public async Task AKeptDocument_WithADirectiveOnAVariable_IsStillMeasured()
    {
        const string query = "query($deep: Boolean!) { node { children(first: 3) @include(if: $deep) { value } value } }";

        var shallow = await PostAsync(query, new { deep = false });
        var deep = await PostAsync(query, new { deep = true });

        Assert.False(shallow.Body.GetProperty("data").GetProperty("node").TryGetProperty("children", out _));
        Assert.Equal("v", deep.Body.GetProperty("data").GetProperty("node").GetProperty("children")[0].GetProperty("value").GetString());
        Assert.Equal([AllRules, 1], validator.RuleCounts);
    }

    [Fact]
    public async Task AKeptDocument_StillHasEachRequestsVariablesCoercedAndRefused()
    {
        const string query = "query($n: Int!) { echo(number: $n) }";

        var valid = await PostAsync(query, new { n = 7 });
        var wrongType = await PostAsync(query, new { n = "seven" });
        var missing = await PostAsync(query, new { });

        Assert.Equal("7", valid.Body.GetProperty("data").GetProperty("echo").GetString());
        foreach (var refused in new[] { wrongType, missing })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.NotEmpty(refused.ErrorCodes);
            Assert.Contains("$n", refused.FirstErrorMessage, StringComparison.Ordinal);
        }

        Assert.Equal(0, server.Counter.Value);
        Assert.Equal([AllRules, 0, 0], validator.RuleCounts);
    }

    [Fact]
    public async Task EachOperationOfADocument_IsKeptOnItsOwn()
    {
        const string query = "query A { hello } mutation B { increment }";

        var a = await PostAsync(query, null, "A");
        var b = await PostAsync(query, null, "B");
        var bAgain = await PostAsync(query, null, "B");

        Assert.Equal("world", a.Body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(1, b.Body.GetProperty("data").GetProperty("increment").GetInt32());
        Assert.Equal(2, bAgain.Body.GetProperty("data").GetProperty("increment").GetInt32());
        Assert.Equal([AllRules, AllRules, 0], validator.RuleCounts);
    }

    [Fact]
    public async Task AKeptMutation_IsStillRefusedOverGet()
    {
        await server.Http.PostGraphQLAsync("mutation { increment }");

        var overGet = await server.Http.GetGraphQLAsync(Query(("query", "mutation { increment }")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, overGet.Status);
        Assert.Equal([GraphQLErrorCodes.MethodNotAllowed], overGet.ErrorCodes);
        Assert.Equal(1, server.Counter.Value);
    }

    [Fact]
    public async Task ACacheOfSizeZero_ValidatesEveryRequest()
    {
        await server.DisposeAsync();
        server = await StartAsync(cacheSize: 0);

        await server.Http.PostGraphQLAsync("{ hello }");
        var second = await server.Http.PostGraphQLAsync("{ hello }");

        Assert.True(second.HasData);
        Assert.Equal([AllRules, AllRules], validator.RuleCounts);
    }

    [Fact]
    public async Task ADocumentLargerThanTheWholeCache_IsValidatedEveryTime()
    {
        await server.DisposeAsync();
        server = await StartAsync(cacheSize: 20);

        await server.Http.PostGraphQLAsync("{ hello whoAmI hello }");
        await server.Http.PostGraphQLAsync("{ hello whoAmI hello }");
        await server.Http.PostGraphQLAsync("{ hello }");
        await server.Http.PostGraphQLAsync("{ hello }");

        Assert.Equal([AllRules, AllRules, AllRules, 0], validator.RuleCounts);
    }

    [Fact]
    public async Task ANegativeCacheSize_StopsTheHostNamingTheSetting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(cacheSize: -1));

        Assert.Contains("ValidatedDocumentCacheSize", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ node { children(first: 3) { value } } }", false)]
    [InlineData("query($n: Int!) { echo(number: $n) node { children(first: 3) { value } } }", false)]
    [InlineData("query($n: Int) { node { children(first: $n) { value } } }", true)]
    [InlineData("query($n: Int) { node { children(last: $n) { value } } }", true)]
    [InlineData("query($id: ID) { node { children(id: $id) { value } } }", true)]
    [InlineData("query($n: Int) { node { ... on Node { child { children(first: $n) { value } } } } }", true)]
    [InlineData("query($n: Int) { node { ...F } } fragment F on Node { children(first: $n) { value } }", true)]
    [InlineData("query($x: Boolean!) { node { ...F @skip(if: $x) } } fragment F on Node { value }", true)]
    [InlineData("query($x: Boolean!) { node { ... @include(if: $x) { value } } }", true)]
    [InlineData("query($x: Boolean!) @include(if: $x) { hello }", true)]
    [InlineData("query($x: Boolean!) { hello @include(if: true) node { value } }", false)]
    public void WhetherVariablesCanChangeTheComplexity_IsReadFromTheWholeDocument(string query, bool readsVariables) =>
        Assert.Equal(readsVariables, ExecutionLimits.ComplexityReadsVariables(GraphQLParser.Parser.Parse(query)));

    private Task<TransportTestServer> StartAsync(int? cacheSize)
    {
        validator.RuleCounts.Clear();
        var settings = new Dictionary<string, string?> { ["GraphQL:MaxComplexity"] = "40" };
        if (cacheSize is not null)
        {
            settings["GraphQL:ValidatedDocumentCacheSize"] = $"{cacheSize}";
        }

        return TransportTestServer.StartAsync(settings, services: services => services.AddSingleton<IDocumentValidator>(validator));
    }

    private Task<GraphQLHttpResponse> PostAsync(string query, object? variables, string? operationName = null) =>
        server.Http.PostRawAsync(JsonSerializer.Serialize(new { query, variables, operationName }));

    private sealed class RecordingValidator : IDocumentValidator
    {
        private readonly DocumentValidator inner = new();

        /// <summary>How many rules each validation ran, in order.</summary>
        public ConcurrentQueue<int> RuleCounts { get; } = new();

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            RuleCounts.Enqueue(options.Rules?.Count() ?? AllRules);
            return inner.ValidateAsync(in options);
        }
    }
}
