using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcomErp.Api.Tests.GraphQL;

/// <summary>How the tests call the real API: POST /graphql with an API key, as a front-end would.</summary>
public static class GraphQLRequests
{
    /// <summary>POSTs a GraphQL request with the key and returns the status and the JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient http, string? key, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>POSTs and returns <c>data</c>, failing the test on any GraphQL error.</summary>
    public static async Task<JsonElement> DataAsync(HttpClient http, string key, string query, object? variables = null)
    {
        var (status, body) = await PostAsync(http, key, query, variables);
        Assert.True(status == 200 && !body.TryGetProperty("errors", out _), $"{status}: {body}");
        return body.GetProperty("data");
    }
}
