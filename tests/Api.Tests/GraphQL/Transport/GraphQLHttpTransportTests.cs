using System.Net;
using EcomErp.Api.GraphQL.Transport;
using static EcomErp.Api.Tests.GraphQL.Transport.GraphQLHttpClientExtensions;

namespace EcomErp.Api.Tests.GraphQL.Transport;

public sealed class GraphQLHttpTransportTests : IAsyncLifetime
{
    private TransportTestServer server = null!;

    private HttpClient Http => server.Http;

    public async Task InitializeAsync() => server = await TransportTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Post_Query_AnswersDataWithTheResponseMediaTypeInUtf8()
    {
        var response = await Http.PostGraphQLAsync("{ hello }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLResponseJson, response.MediaType);
        Assert.Equal("utf-8", response.Charset);
        Assert.Equal("world", response.Body.GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(null, GraphQLResponseJson)]
    [InlineData("application/json", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.2, application/json;q=0.9", Json)]
    [InlineData("text/html, application/json", Json)]
    public async Task Post_Accept_PicksTheClientsHighestPreferenceItSupports(string? accept, string expected)
    {
        var response = await Http.PostRawAsync("""{"query":"{ hello }"}""", accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.MediaType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json;q=0")]
    public async Task Post_AcceptWithNoSupportedMediaType_Is406(string accept)
    {
        var response = await Http.PostRawAsync("""{"query":"{ hello }"}""", accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal([GraphQLErrorCodes.NotAcceptable], response.ErrorCodes);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Post_WithAContentTypeOtherThanJson_Is415(string? contentType)
    {
        var response = await Http.PostRawAsync("""{"query":"{ hello }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal([GraphQLErrorCodes.UnsupportedMediaType], response.ErrorCodes);
    }

    [Theory]
    [InlineData("NONSENSE", "not valid JSON")]
    [InlineData("""{"query":""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("""["{ hello }"]""", "JSON object")]
    [InlineData("""{"qeury":"{ hello }"}""", "no 'query'")]
    [InlineData("""{"query":null}""", "no 'query'")]
    [InlineData("""{"query":42}""", "'query' must be a string")]
    [InlineData("""{"query":{"a":1}}""", "'query' must be a string")]
    [InlineData("""{"query":"{ hello }","variables":[7]}""", "'variables' must be a JSON object")]
    [InlineData("""{"query":"{ hello }","variables":"{}"}""", "'variables' must be a JSON object")]
    [InlineData("""{"query":"{ hello }","extensions":1}""", "'extensions' must be a JSON object")]
    [InlineData("""{"query":"{ hello }","operationName":3}""", "'operationName' must be a string")]
    [InlineData("""{"query":"{ hello }","variables":{"amount":25.00999999999999999999999999999}}""", "the number 25.00999999999999999999999999999, which has more digits")]
    [InlineData("""{"query":"{ hello }","variables":{"lines":[{"price":{"amount":1e-40}}]}}""", "the number 1e-40")]
    [InlineData("""{"query":"{ hello }","variables":{"amount":0.12345678901234567}}""", "the number 0.12345678901234567")]
    public async Task Post_ThatIsNotAWellFormedRequest_Is400WhateverTheMediaType(string body, string explanation)
    {
        foreach (var accept in new[] { GraphQLResponseJson, Json })
        {
            var response = await Http.PostRawAsync(body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal([GraphQLErrorCodes.InvalidRequest], response.ErrorCodes);
            Assert.Contains(explanation, response.FirstErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_WithNullOptionalParameters_IsWellFormed()
    {
        var response = await Http.PostRawAsync("""{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.HasData);
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "SYNTAX_ERROR")]
    [InlineData("""{"query":"{ noSuchField }"}""", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("""{"query":"query Q($n: Int!) { echo(number: $n) }","variables":{"n":"not a number"}}""", "INVALID_VALUE")]
    [InlineData("""{"query":"query Q($n: Int!) { echo(number: $n) }"}""", "INVALID_VALUE")]
    [InlineData("""{"query":"query A { hello } query B { hello }","operationName":"C"}""", GraphQLErrorCodes.OperationNotFound)]
    public async Task Post_DocumentThatFailsBeforeExecution_Is400WithGraphQLResponseJsonAnd200WithJson(string body, string code)
    {
        var modern = await Http.PostRawAsync(body, GraphQLResponseJson);
        var legacy = await Http.PostRawAsync(body, Json);

        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        foreach (var response in new[] { modern, legacy })
        {
            Assert.False(response.Body.TryGetProperty("data", out _), "a request error has no data entry");
            Assert.Contains(code, response.ErrorCodes);
        }
    }

    [Fact]
    public async Task Post_UnknownOperationName_SaysWhichOperationsExist()
    {
        var response = await Http.PostRawAsync("""{"query":"query A { hello } query B { hello }","operationName":"C"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("The document has no operation named 'C'; it defines 'A', 'B'.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Post_OperationName_PicksThatOperation()
    {
        var response = await Http.PostRawAsync("""{"query":"query A { hello } query B { whoAmI }","operationName":"B"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(TransportTestServer.User, response.Body.GetProperty("data").GetProperty("whoAmI").GetString());
    }

    [Fact]
    public async Task Post_Variables_ReachTheResolver()
    {
        var response = await Http.PostRawAsync("""{"query":"query Q($n: Int!) { echo(number: $n) }","variables":{"n":42}}""");

        Assert.Equal("42", response.Body.GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Post_Mutation_Executes()
    {
        var response = await Http.PostGraphQLAsync("mutation { increment }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(1, response.Body.GetProperty("data").GetProperty("increment").GetInt32());
        Assert.Equal(1, server.Counter.Value);
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Post_Subscription_IsRefusedWith400(string accept)
    {
        var response = await Http.PostGraphQLAsync("subscription { events }", accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([GraphQLErrorCodes.SubscriptionOverHttp], response.ErrorCodes);
        Assert.Contains("graphql-transport-ws", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Query_AnswersData()
    {
        var response = await Http.GetGraphQLAsync(Query(("query", "query Q($n: Int!) { echo(number: $n) }"), ("variables", """{"n":7}"""), ("operationName", "Q")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("7", response.Body.GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Get_EmptyOperationName_MeansNone()
    {
        var response = await Http.GetGraphQLAsync(Query(("query", "{ hello }"), ("operationName", "")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Get_Mutation_Is405AllowingPostAndDoesNotExecute()
    {
        foreach (var accept in new[] { GraphQLResponseJson, Json })
        {
            var response = await Http.GetGraphQLAsync(Query(("query", "mutation { increment }")), accept);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
            Assert.Equal(["POST"], response.Message.Content.Headers.Allow);
            Assert.Equal([GraphQLErrorCodes.MethodNotAllowed], response.ErrorCodes);
        }

        Assert.Equal(0, server.Counter.Value);
    }

    [Fact]
    public async Task Get_Subscription_IsRefusedWith400()
    {
        var response = await Http.GetGraphQLAsync(Query(("query", "subscription { events }")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([GraphQLErrorCodes.SubscriptionOverHttp], response.ErrorCodes);
    }

    [Theory]
    [InlineData("", "no 'query' parameter")]
    [InlineData("query=%7Bhello%7D&variables=%7Bnot-json", "'variables' parameter is not valid JSON")]
    [InlineData("query=%7Bhello%7D&variables=%5B1%5D", "'variables' must be a JSON object")]
    [InlineData("query=%7Bhello%7D&query=%7Bhello%7D", "more than once")]
    public async Task Get_ThatIsNotAWellFormedRequest_Is400(string queryString, string explanation)
    {
        var response = await Http.GetGraphQLAsync(queryString);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([GraphQLErrorCodes.InvalidRequest], response.ErrorCodes);
        Assert.Contains(explanation, response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Are405AllowingGetAndPost(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), TransportTestServer.Path);
        var response = await Http.SendGraphQLAsync(request, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST"], response.Message.Content.Headers.Allow);
        Assert.Equal([GraphQLErrorCodes.MethodNotAllowed], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_ResolverException_IsMaskedLoggedAndCarriesACorrelationId()
    {
        var response = await Http.PostGraphQLAsync("{ hello boom }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("world", response.Body.GetProperty("data").GetProperty("hello").GetString());
        var error = response.Body.GetProperty("errors")[0];
        Assert.Equal(InternalServerError.ClientMessage, error.GetProperty("message").GetString());
        Assert.Equal(GraphQLErrorCodes.InternalError, error.GetProperty("extensions").GetProperty("code").GetString());
        var correlationId = error.GetProperty("extensions").GetProperty("correlationId").GetString();
        Assert.False(string.IsNullOrEmpty(correlationId));

        var text = response.Body.GetRawText();
        Assert.DoesNotContain(TestQuery.SecretDetail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);

        var logged = Assert.Single(server.Logs.Entries, entry => entry.Message.Contains(correlationId!, StringComparison.Ordinal));
        Assert.Equal(TestQuery.SecretDetail, logged.Exception?.Message);
    }

    [Fact]
    public async Task Post_ExpectedErrorFromTheSchema_KeepsItsCodeAndMessage()
    {
        var response = await Http.PostGraphQLAsync("{ expected }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["ORDER_NOT_FOUND"], response.ErrorCodes);
        Assert.Equal("No order has that id.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Post_Resolvers_SeeTheCallerInTheUserContext()
    {
        var response = await Http.PostGraphQLAsync("{ whoAmI }");

        Assert.Equal(TransportTestServer.User, response.Body.GetProperty("data").GetProperty("whoAmI").GetString());
    }

    [Fact]
    public async Task Unauthenticated_Is401WithAChallenge()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        foreach (var accept in new[] { GraphQLResponseJson, Json })
        {
            var response = await anonymous.PostGraphQLAsync("{ hello }", accept);

            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal([GraphQLErrorCodes.Unauthenticated], response.ErrorCodes);
            Assert.NotEmpty(response.Message.Headers.WwwAuthenticate);
        }
    }
}
