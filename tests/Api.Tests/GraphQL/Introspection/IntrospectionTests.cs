using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcomErp.Api.GraphQL;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Api.Tests.Interop;
using EcomErp.Domain.Access;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Introspection;

/// <summary>
/// The introspection query front-end tools send (graphql-js's own text, from npm) loads for a key, while documents that
/// abuse introspection, or mix it with data, are still refused by the limits; GraphQL:Introspection turns it off.
/// </summary>
public sealed class IntrospectionTests : IAsyncLifetime
{
    private LiveApi _api = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync();
        _key = await _api.IssueKeyAsync([ApiScopes.OrdersRead]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("all")]
    [InlineData("plain")]
    public async Task GraphQLJsIntrospectionQuery_WithEveryOptionOrNone_AnswersTheWholeSchema(string options)
    {
        var (status, body) = await _api.PostAsync(_key, await IntrospectionQueryAsync(options));

        Assert.True(status == 200 && !body.TryGetProperty("errors", out _), $"{status}: {Shorten(body)}");
        var schema = body.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        var order = schema.GetProperty("types").EnumerateArray().Single(type => type.GetProperty("name").GetString() == "Order");
        Assert.NotEmpty(order.GetProperty("fields").EnumerateArray());
    }

    [Fact]
    public async Task IntrospectionBesideDataFields_IsCostedLikeAnyOtherDocument()
    {
        var mixed = (await IntrospectionQueryAsync("all")).Replace("__schema {", "orders(first: 1) { totalCount } __schema {", StringComparison.Ordinal);

        var (status, body) = await _api.PostAsync(_key, mixed);

        Assert.Equal(400, status);
        Assert.Equal(GraphQLErrorCodes.MaxComplexityExceeded, Code(body));
    }

    public static TheoryData<string, string> AbusiveIntrospection => new()
    {
        // Each level of fields-of-the-field's-type multiplies the answer by the schema's size.
        { """{ __type(name: "Order") { fields { type { fields { type { fields { name } } } } } } }""", GraphQLErrorCodes.MaxDepthExceeded },
        { "{ __type(name: \"Order\") " + string.Concat(Enumerable.Repeat("{ ofType ", 24)) + "{ name }" + new string('}', 24) + " }", GraphQLErrorCodes.MaxDepthExceeded },
        { "{ " + string.Concat(Enumerable.Range(0, 31).Select(i => $"s{i}: __schema {{ description }} ")) + "}", GraphQLErrorCodes.MaxAliasesExceeded },
        { "{ " + string.Concat(Enumerable.Range(0, 10).Select(i => $"s{i}: __schema {{ types {{ fields {{ type {{ fields {{ name description type {{ name kind ofType {{ name kind ofType {{ name kind }} }} }} }} }} }} }} }} ")) + "}", GraphQLErrorCodes.MaxComplexityExceeded },
        { "{ " + string.Concat(Enumerable.Repeat("__schema { types { name } } ", 11)) + "}", GraphQLErrorCodes.MaxRepeatedSelectionsExceeded },
    };

    [Theory]
    [MemberData(nameof(AbusiveIntrospection))]
    public async Task AbusiveIntrospection_IsRefusedWithTheCodeOfTheLimitItHits(string query, string code)
    {
        var (status, body) = await _api.PostAsync(_key, query);

        Assert.Equal(400, status);
        Assert.Equal(code, Code(body));
    }

    [Fact]
    public async Task ThreeIntrospectionQueriesInOneDocument_AreRefusedForTheirFieldCount()
    {
        var query = await IntrospectionQueryAsync("all");
        var operations = query[..query.IndexOf("fragment", StringComparison.Ordinal)];
        var fragments = query[query.IndexOf("fragment", StringComparison.Ordinal)..];
        var three = string.Concat(Enumerable.Range(0, 3).Select(i => operations.Replace("IntrospectionQuery", $"Introspection{i}", StringComparison.Ordinal))) + fragments;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent(new { query = three, operationName = "Introspection0" }),
        };
        var (status, body) = await SendAsync(request, _key);

        Assert.Equal(400, status);
        Assert.Equal(GraphQLErrorCodes.MaxNodesExceeded, Code(body));
    }

    [Fact]
    public async Task SchemaGraphql_IsServedToKeysAsThePrintedSdl()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        using var http = new HttpClient { BaseAddress = _api.Address };
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SchemaDocument.Print(_api.Services.GetRequiredService<ISchema>()), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SchemaGraphql_WithoutAKey_Gets401()
    {
        using var http = new HttpClient { BaseAddress = _api.Address };
        using var response = await http.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(GraphQLErrorCodes.Unauthenticated, Code(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    [Fact]
    public async Task IntrospectionTurnedOff_RefusesSchemaAndTypeOverHttpAndWebSocketAndTheDownload_ButNotTypename()
    {
        await using var api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["GraphQL:Introspection"] = "Off" });
        var key = await api.IssueKeyAsync([ApiScopes.OrdersRead]);

        foreach (var query in new[] { "{ __schema { queryType { name } } }", """{ __type(name: "Order") { name } }""", await IntrospectionQueryAsync("all") })
        {
            var (status, body) = await api.PostAsync(key, query);
            Assert.Equal(400, status);
            Assert.Equal(GraphQLErrorCodes.IntrospectionDisabled, Code(body));
        }

        Assert.Equal("Query", (await api.DataAsync(key, "{ __typename }")).GetProperty("__typename").GetString());

        await using var socket = await api.ConnectAsync(key);
        await socket.SubscribeAsync("1", "{ __schema { queryType { name } } }");
        var refused = await socket.ReceiveAsync();
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal(GraphQLErrorCodes.IntrospectionDisabled, refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        using var download = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql");
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var http = new HttpClient { BaseAddress = api.Address };
        using var response = await http.SendAsync(download);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(GraphQLErrorCodes.IntrospectionDisabled, Code(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    [Fact]
    public async Task AnonymousCaller_WhereTheApiLetsThemIn_MayNotIntrospect()
    {
        await using var api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["GraphQL:RequireAuthentication"] = "false" });

        var (status, body) = await api.PostAsync(null, "{ __schema { queryType { name } } }");

        Assert.Equal(400, status);
        Assert.Equal(GraphQLErrorCodes.IntrospectionDisabled, Code(body));
    }

    /// <summary>graphql-js's <c>getIntrospectionQuery()</c>: with every option on (<c>all</c>) or its defaults (<c>plain</c>).</summary>
    private static async Task<string> IntrospectionQueryAsync(string options)
    {
        var (exitCode, output, error) = await GraphQLJs.RunAsync("introspect.mjs", ["--query", options]);
        Assert.True(exitCode == 0, error);
        return output;
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var http = new HttpClient { BaseAddress = _api.Address };
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static string Shorten(JsonElement body) => body.ToString() is var text && text.Length > 2_000 ? text[..2_000] : body.ToString();
}
