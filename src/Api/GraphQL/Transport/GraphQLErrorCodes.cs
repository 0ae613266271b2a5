namespace EcomErp.Api.GraphQL.Transport;

/// <summary>The <c>extensions.code</c> values the transport itself writes (the engine and the schema add their own).</summary>
public static class GraphQLErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    public const string SubscriptionOverHttp = "SUBSCRIPTION_OVER_HTTP";
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    public const string MaxNodesExceeded = "MAX_NODES_EXCEEDED";
    public const string MaxRepeatedSelectionsExceeded = "MAX_REPEATED_SELECTIONS_EXCEEDED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";
    public const string MaxErrorsExceeded = "MAX_ERRORS_EXCEEDED";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>Written when an error reaches the response without a code of its own, so every error carries one.</summary>
    public const string Unspecified = "GRAPHQL_ERROR";
}
