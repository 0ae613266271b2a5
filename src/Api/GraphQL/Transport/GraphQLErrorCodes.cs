using EcomErp.Domain.Common;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>The <c>extensions.code</c> values the transport itself writes (the engine and the schema add their own).</summary>
public static class GraphQLErrorCodes
{
    [ErrorDescription("The HTTP request is not a GraphQL request: malformed JSON, no query, a variables or extensions value that is not an object, or a JSON number in them with more digits than the server can hold exactly (send such an amount as a string; a Decimal refuses it with INVALID_VALUE rather than rounding it).")]
    public const string InvalidRequest = "INVALID_REQUEST";
    [ErrorDescription("The HTTP method is neither GET nor POST, or a GET carries a mutation (HTTP 405).")]
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    [ErrorDescription("The Accept header allows neither application/graphql-response+json nor application/json (HTTP 406).")]
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    [ErrorDescription("A POST body is not application/json (HTTP 415).")]
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    [ErrorDescription("The request body is larger than the configured limit (HTTP 413).")]
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    [ErrorDescription("No valid API key came with the request or the WebSocket's connection_init (HTTP 401).")]
    public const string Unauthenticated = "UNAUTHENTICATED";
    [ErrorDescription("The document has no operation of the name asked for.")]
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    [ErrorDescription("A subscription was sent over HTTP; subscriptions run over the WebSocket only.")]
    public const string SubscriptionOverHttp = "SUBSCRIPTION_OVER_HTTP";
    [ErrorDescription("The document has more tokens than allowed; it was refused before it was parsed in full.")]
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    [ErrorDescription("The document has more nodes (fields, arguments, fragments) than allowed.")]
    public const string MaxNodesExceeded = "MAX_NODES_EXCEEDED";
    [ErrorDescription("A selection set repeats the same field more often than allowed.")]
    public const string MaxRepeatedSelectionsExceeded = "MAX_REPEATED_SELECTIONS_EXCEEDED";
    [ErrorDescription("The operation nests fields or fragments deeper than allowed.")]
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    [ErrorDescription("The operation's estimated cost is above the allowed complexity.")]
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    [ErrorDescription("The operation uses more aliases than allowed.")]
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    [ErrorDescription("Introspection (__schema, __type) is turned off for this caller or this host (GraphQL:Introspection).")]
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    [ErrorDescription("The socket or the API key already has as many open subscriptions as allowed.")]
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";
    [ErrorDescription("One response would carry more errors than allowed; the rest were left out.")]
    public const string MaxErrorsExceeded = "MAX_ERRORS_EXCEEDED";
    [ErrorDescription("An unexpected failure; the message is fixed and extensions.correlationId finds the logged exception.")]
    public const string InternalError = "INTERNAL_ERROR";

    [ErrorDescription("An error that reached the response without a code of its own; every path the API controls sets one, so this is a gap to report.")]
    public const string Unspecified = "GRAPHQL_ERROR";
}
