using System.Net;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.Transport;
using Microsoft.Extensions.Hosting;

namespace EcomErp.Api.Tests.Security;

/// <summary>What an API client learns of an unexpected failure: a fixed message, a code and a correlation id, in every environment.</summary>
public sealed class ErrorExposureTests
{
    [Fact]
    public async Task DevelopmentHost_DoesNotExposeExceptionDetailsByDefault()
    {
        await using var server = await TransportTestServer.StartAsync(environment: Environments.Development);

        var response = await server.Http.PostGraphQLAsync("{ hello boom }");

        var error = response.Body.GetProperty("errors")[0];
        Assert.Equal(InternalServerError.ClientMessage, error.GetProperty("message").GetString());
        Assert.Equal(GraphQLErrorCodes.InternalError, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(error.GetProperty("extensions").TryGetProperty("details", out _));
        var text = response.Body.GetRawText();
        Assert.DoesNotContain(TestQuery.SecretDetail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionDetails_AreShownOnlyWhenADeveloperOptsIn()
    {
        await using var server = await TransportTestServer.StartAsync(
            new Dictionary<string, string?> { ["GraphQL:ExposeExceptionDetails"] = "true" }, Environments.Development);

        var response = await server.Http.PostGraphQLAsync("{ hello boom }");

        Assert.Contains(TestQuery.SecretDetail, response.Body.GetRawText(), StringComparison.Ordinal);
    }
}
