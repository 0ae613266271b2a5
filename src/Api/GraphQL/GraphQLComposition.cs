using System.Security.Claims;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Security;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;

namespace EcomErp.Api.GraphQL;

/// <summary>The <c>api</c> role's GraphQL surface: the transport, the schema, and API-key authentication.</summary>
public static class GraphQLComposition
{
    public const string Path = "/graphql";

    public static IServiceCollection AddErpGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphQLTransport(configuration);
        services.AddErpSchema();
        services.AddSingleton<SchemaDocument>();
        // Resolvers share the request's scoped DbContext, which allows one operation at a time: root query
        // fields run one after another (data loaders still batch within each level).
        services.AddGraphQL(builder => builder.AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        services.AddApiKeyAuthentication();
        return services;
    }

    public static WebApplication MapErpGraphQL(this WebApplication app)
    {
        // GraphQL knows callers by API key only. The admin's cookie must not authenticate here: a browser would
        // send it along with any cross-site request. So the caller on /graphql is whoever the key says, or nobody.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync(ApiClaims.Scheme);
            context.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        }));
        app.MapGraphQLTransport(Path);
        app.MapGet($"{Path}/{SchemaDocument.FileName}", SchemaDocument.ServeAsync).AllowAnonymous().WithDisplayName("GraphQL schema (SDL)");
        return app;
    }
}
