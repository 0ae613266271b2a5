using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>How the host adds the GraphQL transport (the <c>api</c> role). The schema itself is registered by the features.</summary>
public static class GraphQLTransportExtensions
{
    /// <summary>
    /// Registers the engine's executer and System.Text.Json serializer, the transport and its options (section
    /// <c>GraphQL</c>). Expects an <see cref="global::GraphQL.Types.ISchema"/> registration; a custom
    /// <see cref="IGraphQLConnectionAuthenticator"/> registered before or after this call wins over the default.
    /// </summary>
    public static IServiceCollection AddGraphQLTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLTransportOptions>()
            .Bind(configuration.GetSection(GraphQLTransportOptions.SectionName))
            .Validate(options => options.MaxRequestBytes > 0 && options.MaxTokens > 0 && options.MaxNodes > 0 && options.MaxRepeatedSelections > 0 && options.MaxDepth > 0
                    && options.MaxComplexity > 0 && options.MaxIntrospectionDepth > 0 && options.MaxIntrospectionNodes > 0 && options.MaxIntrospectionComplexity > 0
                    && options.MaxAliases >= 0 && options.MaxErrors > 0 && options.ConnectionInitTimeout > TimeSpan.Zero
                    && options.MaxSubscriptionsPerSocket > 0 && options.MaxSubscriptionsPerClient > 0 && options.ValidatedDocumentCacheSize >= 0,
                $"The {GraphQLTransportOptions.SectionName} limits must be positive (MaxRequestBytes, MaxTokens, MaxNodes, MaxRepeatedSelections, MaxDepth, MaxComplexity, MaxIntrospection*, MaxErrors, " +
                "ConnectionInitTimeout, MaxSubscriptionsPerSocket, MaxSubscriptionsPerClient; MaxAliases and ValidatedDocumentCacheSize may be 0).")
            .ValidateOnStart();

        services.AddGraphQL(builder => builder.AddSystemTextJson());
        // Registered after the builder's default so that this provider is the one the serializer gets.
        services.AddSingleton<IErrorInfoProvider>(provider => new TransportErrorInfoProvider(new ErrorInfoProviderOptions
        {
            // Exception types, messages and stack traces only when a developer opts in, whatever the environment: a host
            // started as Development by accident must not hand them to API clients. Codes of inner exceptions never
            // (they would name the exception type behind a masked error).
            ExposeExceptionDetails = provider.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value.ExposeExceptionDetails,
            ExposeCodes = false,
        }));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGraphQLConnectionAuthenticator, HttpContextConnectionAuthenticator>();
        services.AddSingleton<GraphQLOperationExecutor>();
        services.AddSingleton<GraphQLSubscriptionQuota>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        return services;
    }

    /// <summary>
    /// Serves GraphQL at <paramref name="pattern"/>: GET and POST over HTTP, and the graphql-transport-ws WebSocket. The
    /// endpoint allows anonymous callers through the host's authorization because the transport answers them itself
    /// (401 in GraphQL's shape, or 4403 on the socket).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLTransport(this WebApplication app, string pattern)
    {
        var options = app.Services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval });
        return app.Map(pattern, context => context.WebSockets.IsWebSocketRequest
                ? GraphQLWebSocketSession.AcceptAsync(context)
                : context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context))
            .AllowAnonymous()
            .WithDisplayName("GraphQL");
    }
}
