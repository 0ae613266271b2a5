using Microsoft.Net.Http.Headers;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>The response media types of the GraphQL over HTTP specification and the choice between them.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The highest-quality supported type of the <c>Accept</c> header, or <see langword="null"/> when none is acceptable (406).
    /// No header means <see cref="GraphQLResponseJson"/>, the specification's default since 2025; wildcards get
    /// <see cref="Json"/>, which every client understands.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return GraphQLResponseJson;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }

        foreach (var range in ranges.Where(range => (range.Quality ?? 1) > 0).OrderByDescending(range => range.Quality ?? 1))
        {
            var mediaType = range.MediaType.Value;
            if (range.Charset.HasValue && !range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(mediaType, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseJson;
            }

            if (string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase) || mediaType is "*/*" || string.Equals(mediaType, "application/*", StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        return null;
    }

    /// <summary>Whether a POST body is JSON in UTF-8 (the only request encoding the specification requires; no charset means UTF-8).</summary>
    public static bool IsJsonRequest(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) &&
        string.Equals(contentType.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase) &&
        (!contentType.Charset.HasValue || contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
