using System.Text.Json;
using EcomErp.Api.GraphQL.Common;
using GraphQL;
using Microsoft.Extensions.Primitives;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>The parameters of a GraphQL request, read the same way from a POST body, a GET query string and a socket's subscribe payload.</summary>
public sealed record GraphQLOperationRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>Reads a JSON object <c>{query, operationName, variables, extensions}</c>; a wrong shape gives a message saying what is wrong.</summary>
    internal static GraphQLOperationRequest? FromJson(JsonElement body, IGraphQLSerializer serializer, out string? problem)
    {
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = "The request must be a JSON object with a 'query' string.";
            return null;
        }

        var query = body.TryGetProperty("query", out var queryElement) ? queryElement : default;
        if (query.ValueKind != JsonValueKind.String)
        {
            problem = query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                ? "The request has no 'query': send the GraphQL document as a string."
                : "The request's 'query' must be a string.";
            return null;
        }

        var operationName = body.TryGetProperty("operationName", out var nameElement) ? nameElement : default;
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            problem = "The request's 'operationName' must be a string or null.";
            return null;
        }

        var queryText = ReadText(query, "query", ref problem);
        var operationNameText = operationName.ValueKind == JsonValueKind.String ? ReadText(operationName, "operationName", ref problem) : null;
        var variables = ReadMember(body, "variables", serializer, ref problem);
        var extensions = ReadMember(body, "extensions", serializer, ref problem);
        return problem is null ? new GraphQLOperationRequest(queryText!, EmptyAsNull(operationNameText), variables, extensions) : null;
    }

    /// <summary>Reading a JSON body as text fails on what it holds, not on its shape: text that is not UTF-8.</summary>
    private static string? ReadText(JsonElement element, string name, ref string? problem)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // A JSON parser accepts invalid UTF-8 bytes and unpaired surrogate escapes ("\ud800") inside strings; they only
            // fail when decoded.
            problem ??= $"The request's '{name}' is not valid UTF-8 text (invalid bytes or an unpaired surrogate escape).";
            return null;
        }
    }

    /// <summary>Reads the GET form: <c>query</c> and <c>operationName</c> as text, <c>variables</c> and <c>extensions</c> as JSON text.</summary>
    internal static GraphQLOperationRequest? FromQueryString(IQueryCollection parameters, IGraphQLSerializer serializer, out string? problem)
    {
        problem = null;
        var query = Single(parameters, "query", ref problem);
        var operationName = Single(parameters, "operationName", ref problem);
        if (problem is null && query is null)
        {
            problem = "The request has no 'query' parameter: send the GraphQL document in the query string.";
        }

        var variables = ReadMapText(Single(parameters, "variables", ref problem), "variables", serializer, ref problem);
        var extensions = ReadMapText(Single(parameters, "extensions", ref problem), "extensions", serializer, ref problem);
        return problem is null ? new GraphQLOperationRequest(query!, EmptyAsNull(operationName), variables, extensions) : null;
    }

    private static string? Single(IQueryCollection parameters, string name, ref string? problem)
    {
        if (!parameters.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            problem ??= $"The '{name}' parameter is given more than once.";
        }

        return values[0];
    }

    private static Inputs? ReadMapText(string? text, string name, IGraphQLSerializer serializer, ref string? problem)
    {
        if (problem is not null || string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, JsonNesting.DocumentOptions);
            return ReadMap(document.RootElement, name, serializer, ref problem);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the duplicate-member check decodes member names, and throws on one that is not UTF-8.
            problem = $"The '{name}' parameter is not valid JSON in UTF-8 (or nests deeper than {JsonNesting.MaxDepth} levels, or repeats a member).";
            return null;
        }
    }

    private static Inputs? ReadMember(JsonElement body, string name, IGraphQLSerializer serializer, ref string? problem) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var element)
            ? ReadMap(element, name, serializer, ref problem)
            : null;

    private static Inputs? ReadMap(JsonElement element, string name, IGraphQLSerializer serializer, ref string? problem)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Object:
                try
                {
                    var inputs = serializer.ReadNode<Inputs>(element);
                    if (InexactNumber(element) is { } inexact)
                    {
                        problem ??= $"The request's '{name}' holds the number {Shortened(inexact)}, which has more digits than the server can " +
                            "hold exactly; it is refused rather than rounded.";
                        return null;
                    }

                    return inputs;
                }
                catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException)
                {
                    // Values a JSON parser accepts but no GraphQL input can hold: text that is not UTF-8, numbers beyond every
                    // number type, nesting beyond the serializer's depth.
                    problem ??= $"The request's '{name}' holds a value that cannot be read: text that is not valid UTF-8, a number out of range or nesting deeper than {JsonNesting.MaxDepth} levels.";
                    return null;
                }
            default:
                problem ??= $"The request's '{name}' must be a JSON object (a map of names to values) or null.";
                return null;
        }
    }

    /// <summary>
    /// The first JSON number with a fraction or an exponent that its reader would not keep exactly, or <see langword="null"/>.
    /// The serializer reads such a number as a binary float (about 15 significant digits) before any scalar sees it, so
    /// 25.00999999999999999999999999999 would arrive as 25.01 and 1e-40 as a positive amount too small for any decimal.
    /// </summary>
    private static string? InexactNumber(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (InexactNumber(member.Value) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (InexactNumber(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var text = element.GetRawText();
                return text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0 && !KeptExactly(text) ? text : null;
            default:
                return null;
        }
    }

    private static bool KeptExactly(string number)
    {
        if (!ExactDecimal.TryParse(number, out var exact) || !double.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var binary))
        {
            return false;
        }

        try
        {
            return (decimal)binary == exact;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static string Shortened(string number) => number.Length <= 40 ? number : $"{number[..40]}…";

    /// <summary>How request JSON is parsed: the serializer's default depth, and one meaning per member.</summary>
    internal static class JsonNesting
    {
        public const int MaxDepth = 64;

        // A member given twice means different things to different readers (first or last wins): refused rather than guessed.
        public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

        /// <summary>
        /// Parses a whole message: <see langword="null"/> when it is not JSON, nests too deep, repeats a member, or holds a
        /// string or member name that is not valid UTF-8 (a lone surrogate escape decodes to no text). The parser accepts the
        /// last kind; checking it here, once, means no later <c>GetString</c> throws on a client's mistake.
        /// </summary>
        public static JsonDocument? ParseReadable(ReadOnlyMemory<byte> json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, DocumentOptions);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                return null;
            }

            try
            {
                EnsureReadable(document.RootElement);
                return document;
            }
            catch (InvalidOperationException)
            {
                document.Dispose();
                return null;
            }
        }

        private static void EnsureReadable(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        EnsureReadable(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        EnsureReadable(item);
                    }

                    break;
            }
        }
    }

    private static string? EmptyAsNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
