using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.Transport;
using Microsoft.Extensions.Logging;
using static EcomErp.Api.Tests.GraphQL.Transport.GraphQLHttpClientExtensions;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Every malformed request is a client's mistake: a 4xx with an error code, nothing executed, and no error in the log (the
/// server logged an error, with the whole request, for those that used to be 500s with an empty body).
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private TransportTestServer server = null!;

    public async Task InitializeAsync() => server = await TransportTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "query is a lone surrogate escape", """{"query":"{ hello } \ud800"}""" },
        { "operationName is a lone surrogate escape", """{"query":"{ hello }","operationName":"\udc00"}""" },
        { "a variable holds a lone surrogate escape", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":"\ud800"}}""" },
        { "a variable name is a lone surrogate escape", """{"query":"{ hello }","variables":{"\ud800":1}}""" },
        { "extensions hold a lone surrogate escape", """{"query":"{ hello }","extensions":{"e":"\ud800"}}""" },
        { "variables is a string", """{"query":"{ hello }","variables":"{}"}""" },
        { "variables is an array", """{"query":"{ hello }","variables":[1]}""" },
        { "extensions is a number", """{"query":"{ hello }","extensions":1}""" },
        { "operationName is a number", """{"query":"{ hello }","operationName":1}""" },
        { "query is an object", """{"query":{"a":1}}""" },
        { "the body is an array", """[{"query":"{ hello }"}]""" },
        { "an integer variable too large for any number type", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":1""" + new string('0', 400) + "}}" },
        { "a float variable beyond double", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":1e400}}""" },
        { "a variable nested 60 levels (within JSON's depth, deeper than any input)", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":""" + Nest(60) + "}}" },
        { "a variable nested 62 levels (the body at JSON's default depth of 64)", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":""" + Nest(62) + "}}" },
        { "a variable nested 500 levels", """{"query":"{ hello }","variables":{"n":""" + Nest(500) + "}}" },
        { "nested lists where an Int is expected", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":[[[[1]]]]}}""" },
        { "an object where an Int is expected", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":{"a":{"b":1}}}}""" },
        { "a NUL character in the document", """{"query":"{ hello \u0000 }"}""" },
        { "a NUL character in operationName", """{"query":"query Q { hello }","operationName":"Q\u0000"}""" },
        { "a document that is only a comment", """{"query":"# nothing"}""" },
        { "an empty document", """{"query":""}""" },
        { "duplicate members", """{"query":"{ hello }","query":"{ boom }"}""" },
        { "duplicate variables", """{"query":"query($n: Int!) { echo(number: $n) }","variables":{"n":1,"n":2}}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedPost_Is400WithACode_AndLogsNoError(string description, string body)
    {
        var response = await server.Http.PostRawAsync(body);

        AssertRefused(response, description);
    }

    public static TheoryData<string, byte[]> InvalidUtf8Bodies => new()
    {
        { "raw invalid bytes in the query", [.. "{\"query\":\"{ hello "u8, 0xFF, 0xFE, .. " }\"}"u8] },
        { "a truncated multi-byte sequence in operationName", [.. "{\"query\":\"{ hello }\",\"operationName\":\"Q"u8, 0xE2, 0x82, .. "\"}"u8] },
        { "an encoded surrogate in a variable", [.. "{\"query\":\"{ hello }\",\"variables\":{\"n\":\""u8, 0xED, 0xA0, 0x80, .. "\"}}"u8] },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task PostWithInvalidUtf8_Is400WithACode_AndLogsNoError(string description, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TransportTestServer.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Json);

        var response = await server.Http.SendGraphQLAsync(request, GraphQLResponseJson);

        AssertRefused(response, description);
    }

    public static TheoryData<string, string> MalformedQueryStrings => new()
    {
        { "a 70-level nested query", Query(("query", "{ node " + string.Concat(Enumerable.Repeat("{ child ", 70)) + "{ value }" + new string('}', 70) + " }")) },
        { "query given twice", "query=%7B%20hello%20%7D&query=%7B%20hello%20%7D" },
        { "variables given twice", Query(("query", "{ hello }"), ("variables", "{}"), ("variables", "{}")) },
        { "operationName given twice", Query(("query", "query Q { hello }"), ("operationName", "Q"), ("operationName", "Q")) },
        { "no query", Query(("operationName", "Q")) },
        { "variables not JSON", Query(("query", "{ hello }"), ("variables", "{n:")) },
        { "variables a JSON array", Query(("query", "{ hello }"), ("variables", "[1]")) },
        { "extensions a JSON string", Query(("query", "{ hello }"), ("extensions", "\"x\"")) },
        { "variables nested 500 levels", Query(("query", "{ hello }"), ("variables", "{\"n\":" + Nest(500) + "}")) },
        { "variables nested 63 levels", Query(("query", "query($n: Int!) { echo(number: $n) }"), ("variables", "{\"n\":" + Nest(62) + "}")) },
        { "a variable name with a lone surrogate escape", Query(("query", "{ hello }"), ("variables", """{"\ud800":1}""")) },
        { "a variable with a lone surrogate escape", Query(("query", "query($n: Int!) { echo(number: $n) }"), ("variables", """{"n":"\ud800"}""")) },
        { "invalid percent-encoded UTF-8 in the query", "query=%7B%20hello%20%FF%FE%20%7D" },
        { "a NUL character in the query", Query(("query", "{ hello \0 }")) },
        { "a huge number in variables", Query(("query", "query($n: Int!) { echo(number: $n) }"), ("variables", "{\"n\":1e400}")) },
    };

    [Theory]
    [MemberData(nameof(MalformedQueryStrings))]
    public async Task MalformedGet_Is400WithACode_AndLogsNoError(string description, string queryString)
    {
        var response = await server.Http.GetGraphQLAsync(queryString);

        AssertRefused(response, description);
    }

    [Fact]
    public async Task DeeplyNestedDocumentOnTheWebSocket_IsAnErrorMessageWithACode_AndTheSocketStaysOpen()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SubscribeAsync("1", "{ node " + string.Concat(Enumerable.Repeat("{ child ", 70)) + "{ value }" + new string('}', 70) + " }");
        var error = await client.ReceiveAsync();
        await client.SubscribeAsync("2", "{ hello }");
        var next = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal(GraphQLErrorCodes.MaxDepthExceeded, error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("world", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    private void AssertRefused(GraphQLHttpResponse response, string description)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, $"{description}: {(int)response.Status} {response.Body} {string.Join("; ", server.Logs.Entries.Select(e => e.Exception))}");
        var code = Assert.Single(response.ErrorCodes);
        Assert.False(string.IsNullOrEmpty(code) || code == GraphQLErrorCodes.InternalError || code == GraphQLErrorCodes.Unspecified, $"{description}: {code}");
        Assert.False(response.HasData, description);
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    private static string Nest(int levels) => new StringBuilder().Insert(0, "{\"a\":", levels).Append('1').Append('}', levels).ToString();
}
