using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Security;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace EcomErp.Api.GraphQL;

/// <summary>The <c>api</c> role's GraphQL surface: the transport, the schema, and API-key authentication.</summary>
public static class GraphQLComposition
{
    public const string Path = "/graphql";

    public static IServiceCollection AddErpGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphQLTransport(configuration);
        services.AddErpSchema();
        // Resolvers share the request's scoped DbContext, which allows one operation at a time: root query
        // fields run one after another (data loaders still batch within each level).
        services.AddGraphQL(builder => builder.AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        services.AddApiKeyAuthentication();
        return services;
    }

    public static WebApplication MapErpGraphQL(this WebApplication app)
    {
        app.MapGraphQLTransport(Path);
        return app;
    }
}
