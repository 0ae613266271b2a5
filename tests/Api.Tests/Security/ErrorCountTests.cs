using System.Net;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.Transport;

namespace EcomErp.Api.Tests.Security;

/// <summary>A response carries a bounded number of errors, however many a document provokes.</summary>
public sealed class ErrorCountTests
{
    [Fact]
    public async Task ManyOperationsUsingUndeclaredVariables_AnswerTheFirstErrorsAndOneSayingHowManyWereCut()
    {
        await using var server = await TransportTestServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxErrors"] = "100" });
        var query = string.Concat(Enumerable.Range(0, 150).Select(i => $"query Q{i} {{ echo(number: $v{i}) }} "));

        var response = await server.Http.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { query, operationName = "Q0" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(101, response.ErrorCodes.Count);
        Assert.Equal(GraphQLErrorCodes.MaxErrorsExceeded, response.ErrorCodes[^1]);
        Assert.Matches("^[0-9]+ more errors were cut; a response carries at most 100\\.$", response.Body.GetProperty("errors")[100].GetProperty("message").GetString());
    }
}
