namespace EcomErp.Api.GraphQL.Transport;

/// <summary>The transport's limits and rules, bound from configuration section <c>GraphQL</c>.</summary>
public sealed class GraphQLTransportOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted POST body or WebSocket message, in bytes; a larger request gets 413 (or close 1009).</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>When set, an unauthenticated HTTP request gets 401 and a socket whose connection_init is refused is closed with 4403.</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>Deepest allowed field nesting of an operation.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest allowed complexity, computed by GraphQL.NET's analyzer: every field costs 1 and a list field multiplies its
    /// children by its <c>first</c>/<c>last</c> argument (5 when absent), so this bounds the number of fields a request can make
    /// the server resolve.
    /// </summary>
    // Sized for the API's real pages: 100 orders with lines, holds and timeline come to about 7,000
    // (GraphQL.NET counts list children five times unless a 'first' argument says otherwise).
    public int MaxComplexity { get; set; } = 10_000;

    /// <summary>Most aliased fields a document may hold (aliases are how one request repeats an expensive field).</summary>
    public int MaxAliases { get; set; } = 30;

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
