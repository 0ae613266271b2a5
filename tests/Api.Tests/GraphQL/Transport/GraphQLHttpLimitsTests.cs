using System.Net;
using EcomErp.Api.GraphQL.Transport;
using static EcomErp.Api.Tests.GraphQL.Transport.GraphQLHttpClientExtensions;

namespace EcomErp.Api.Tests.GraphQL.Transport;

public sealed class GraphQLHttpLimitsTests : IAsyncLifetime
{
    private TransportTestServer server = null!;

    public async Task InitializeAsync() => server = await TransportTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["GraphQL:MaxDepth"] = "4",
        ["GraphQL:MaxComplexity"] = "40",
        ["GraphQL:MaxAliases"] = "3",
        ["GraphQL:MaxRequestBytes"] = "1024",
    });

    public async Task DisposeAsync() => await server.DisposeAsync();

    public static TheoryData<string, string, string> OverLimit => new()
    {
        { "{ node { child { child { child { value } } } } }", GraphQLErrorCodes.MaxDepthExceeded, "maximum depth is 4" },
        { "{ node { children(first: 10) { children(first: 10) { value } } } }", GraphQLErrorCodes.MaxComplexityExceeded, "maximum complexity is 40" },
        { "mutation { a: increment b: increment c: increment d: increment }", GraphQLErrorCodes.MaxAliasesExceeded, "maximum is 3" },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public async Task OverALimit_IsRefusedNamingTheLimitAndNotExecuted(string query, string code, string explanation)
    {
        var modern = await server.Http.PostGraphQLAsync(query, GraphQLResponseJson);
        var legacy = await server.Http.PostGraphQLAsync(query, Json);

        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        foreach (var response in new[] { modern, legacy })
        {
            Assert.Equal([code], response.ErrorCodes);
            Assert.Contains(explanation, response.FirstErrorMessage, StringComparison.Ordinal);
            Assert.False(response.Body.TryGetProperty("data", out _));
        }

        Assert.Equal(0, server.Counter.Value);
    }

    [Theory]
    [InlineData("{ node { child { child { value } } } }")]
    [InlineData("{ node { children(first: 2) { children(first: 2) { value } } } }")]
    [InlineData("mutation { a: increment b: increment c: increment }")]
    public async Task AtTheLimit_Executes(string query)
    {
        var response = await server.Http.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.HasData);
    }

    [Fact]
    public async Task BodyOverTheSizeLimit_Is413WithAGraphQLError()
    {
        var query = "{ hello }" + new string(' ', 1100);

        var response = await server.Http.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal([GraphQLErrorCodes.RequestTooLarge], response.ErrorCodes);
        Assert.Contains("1024 bytes", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedBodyOverTheSizeLimit_Is413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TransportTestServer.Path)
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"query":"{ hello }{{new string(' ', 2000)}}"}"""))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        request.Headers.TransferEncodingChunked = true;

        var response = await server.Http.SendGraphQLAsync(request, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Theory]
    [InlineData(false, 1024, HttpStatusCode.OK)]
    [InlineData(false, 1025, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(true, 1024, HttpStatusCode.OK)]
    [InlineData(true, 1025, HttpStatusCode.RequestEntityTooLarge)]
    public async Task BodyAtTheSizeLimit_IsAnswered_AndOneByteMoreIsNot(bool chunked, int bytes, HttpStatusCode expected)
    {
        // JSON allows white space after the value: the body is padded to exactly the size wanted.
        var json = """{"query":"{ hello }"}""";
        var body = System.Text.Encoding.UTF8.GetBytes(json + new string(' ', bytes - json.Length));
        using var request = new HttpRequestMessage(HttpMethod.Post, TransportTestServer.Path)
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        request.Headers.TransferEncodingChunked = chunked;

        var response = await server.Http.SendGraphQLAsync(request, GraphQLResponseJson);

        Assert.Equal(expected, response.Status);
        Assert.Equal(expected == HttpStatusCode.OK ? "world" : null,
            response.HasData ? response.Body.GetProperty("data").GetProperty("hello").GetString() : null);
    }
}

public sealed class GraphQLHttpAnonymousTests
{
    [Fact]
    public async Task WithoutRequiredAuthentication_AnonymousCallersAreServed()
    {
        await using var server = await TransportTestServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:RequireAuthentication"] = "false" });
        using var anonymous = new HttpClient { BaseAddress = server.Address };

        var response = await anonymous.PostGraphQLAsync("{ whoAmI }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("anonymous", response.Body.GetProperty("data").GetProperty("whoAmI").GetString());
    }
}
