using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcomErp.Api.Tests.GraphQL.Transport;

public sealed record GraphQLHttpResponse(HttpStatusCode Status, string? MediaType, string? Charset, JsonElement Body, HttpResponseMessage Message)
{
    public IReadOnlyList<string?> ErrorCodes =>
        Body.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(error => error.GetProperty("extensions").GetProperty("code").GetString())]
            : [];

    public string FirstErrorMessage => Body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public bool HasData => Body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;
}

/// <summary>Plain HttpClient requests the way GraphQL clients send them.</summary>
public static class GraphQLHttpClientExtensions
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static Task<GraphQLHttpResponse> PostGraphQLAsync(this HttpClient client, string query, string accept = GraphQLResponseJson) =>
        client.PostRawAsync(JsonSerializer.Serialize(new { query }), accept);

    public static async Task<GraphQLHttpResponse> PostRawAsync(this HttpClient client, string body, string? accept = GraphQLResponseJson, string? contentType = Json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TransportTestServer.Path);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return await client.SendGraphQLAsync(request, accept);
    }

    public static async Task<GraphQLHttpResponse> GetGraphQLAsync(this HttpClient client, string queryString, string? accept = GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TransportTestServer.Path + "?" + queryString);
        return await client.SendGraphQLAsync(request, accept);
    }

    public static string Query(params (string Name, string Value)[] parameters) =>
        string.Join("&", parameters.Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value)}"));

    public static async Task<GraphQLHttpResponse> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var contentType = response.Content.Headers.ContentType;
        return new GraphQLHttpResponse(response.StatusCode, contentType?.MediaType, contentType?.CharSet, document.RootElement.Clone(), response);
    }
}
