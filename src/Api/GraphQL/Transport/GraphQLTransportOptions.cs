namespace EcomErp.Api.GraphQL.Transport;

/// <summary>The transport's limits and rules, bound from configuration section <c>GraphQL</c>.</summary>
public sealed class GraphQLTransportOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted POST body or WebSocket message, in bytes; a larger request gets 413 (or close 1009).</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>When set, an unauthenticated HTTP request gets 401 and a socket whose connection_init is refused is closed with 4403.</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>
    /// Most lexical tokens (names, punctuation, values; comments not counted) a document may hold, counted before it is
    /// parsed: a cheap linear bound on everything parsing and validation do with it.
    /// </summary>
    // Some of the engine's rules are quadratic in arguments of one field and variables of one operation: at 5,000 tokens the
    // worst of them stays under 100 ms on the 2-vCPU build machine (docs/performance.md), and a real document is far smaller.
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>
    /// Most field selections a document may make, a fragment spread counting as every field of its fragment (so fragments
    /// that spread each other many times count what they fan out to). Checked before validation, whose overlapping-fields
    /// rule is quadratic in repeated fields.
    /// </summary>
    // 1,000 keeps the worst document (1,000 copies of one field) well under 100 ms of validation on the 2-vCPU build machine
    // (docs/performance.md); the introspection query makes about 200.
    public int MaxNodes { get; set; } = 1_000;

    /// <summary>
    /// Most times one response name may be selected in one selection set, counting inline fragments and spread fragments
    /// merged into it. The overlapping-fields rule compares every such pair, and each pair that conflicts (different
    /// arguments) costs an error whose location is computed from the text: ten copies are 45 pairs.
    /// </summary>
    public int MaxRepeatedSelections { get; set; } = 10;

    /// <summary>Deepest allowed field nesting of an operation, fragments included.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest allowed complexity, computed by GraphQL.NET's analyzer: every field costs 1 and a list field multiplies its
    /// children by its <c>first</c>/<c>last</c> argument (5 when absent), so this bounds the number of fields a request can make
    /// the server resolve.
    /// </summary>
    // Sized for the API's real pages: 100 orders with lines, holds and timeline come to about 7,000
    // (GraphQL.NET counts list children five times unless a 'first' argument says otherwise).
    public int MaxComplexity { get; set; } = 10_000;

    /// <summary>
    /// Who may introspect the schema (<c>__schema</c>, <c>__type</c>; <c>__typename</c> is always allowed) and download
    /// <c>schema.graphql</c>: <see cref="IntrospectionAccess.Authenticated"/> callers, or nobody.
    /// </summary>
    public IntrospectionAccess Introspection { get; set; } = IntrospectionAccess.Authenticated;

    /// <summary>
    /// Deepest field nesting of a document that only introspects. graphql-js's <c>getIntrospectionQuery()</c> nests nine
    /// <c>ofType</c> levels inside argument types (15 levels in all), a chain of single objects that costs little.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>Most field selections of a document that only introspects; <c>getIntrospectionQuery()</c> makes about 200.</summary>
    public int MaxIntrospectionNodes { get; set; } = 500;

    /// <summary>
    /// Highest complexity of a document that only introspects. Introspection is costed against this schema's real sizes
    /// (a list of types costs as many as the schema has, a list of fields as many as its largest type has), so the value
    /// bounds the introspection fields a request can make the server resolve.
    /// </summary>
    public int MaxIntrospectionComplexity { get; set; } = 5_000_000;

    /// <summary>
    /// How much document text (in characters) the cache of validated documents may hold; 0 turns the cache off. A document that
    /// passed validation once is served from it by its text and operation name: it is not parsed, measured or validated
    /// again, only the complexity rule runs again because it reads the request's variables.
    /// </summary>
    // The parsed tree takes a few times its text: 1,000,000 characters keep well over a thousand real documents in a few tens of MB.
    public int ValidatedDocumentCacheSize { get; set; } = 1_000_000;

    /// <summary>Most aliased fields a document may hold (aliases are how one request repeats an expensive field).</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most errors a response carries; the rest are replaced by one error with code <c>MAX_ERRORS_EXCEEDED</c> saying how many were cut.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>
    /// Whether GraphQL errors of unexpected failures carry the exception's type, message and stack trace
    /// (<c>extensions.details</c>). Off in every environment unless a developer opts in: a client never needs them.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>How long a new socket may wait before sending connection_init; then it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of WebSocket protocol-level pings that keep idle sockets open through proxies; zero turns them off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most operations one socket may run at once (subscriptions, and queries while they run); one more gets an
    /// <c>error</c> with <see cref="GraphQLErrorCodes.TooManySubscriptions"/> and the socket goes on.
    /// </summary>
    public int MaxSubscriptionsPerSocket { get; set; } = 50;

    /// <summary>Most operations one API client may run at once over all its sockets on this node.</summary>
    public int MaxSubscriptionsPerClient { get; set; } = 200;

    /// <summary>The <c>WWW-Authenticate</c> challenge sent with a 401.</summary>
    public string AuthenticationChallenge { get; set; } = "Bearer realm=\"EcomErp\"";
}

/// <summary>Who may introspect the schema; see <see cref="GraphQLTransportOptions.Introspection"/>.</summary>
public enum IntrospectionAccess
{
    /// <summary>Callers with an API key. Anonymous callers, where <see cref="GraphQLTransportOptions.RequireAuthentication"/> lets them in, may not.</summary>
    Authenticated,

    /// <summary>Nobody: <c>__schema</c> and <c>__type</c> are refused with <c>INTROSPECTION_DISABLED</c> and <c>schema.graphql</c> is not served.</summary>
    Off,
}
