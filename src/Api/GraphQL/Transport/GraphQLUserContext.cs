using System.Security.Claims;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// The user context of every execution: resolvers read <see cref="User"/> for scopes and channel restrictions.
/// Over HTTP it is the request's principal; over a WebSocket, the one <see cref="IGraphQLConnectionAuthenticator"/> returned.
/// </summary>
public sealed class GraphQLUserContext : Dictionary<string, object?>
{
    public GraphQLUserContext(ClaimsPrincipal user) => User = user;

    public ClaimsPrincipal User { get; }
}
