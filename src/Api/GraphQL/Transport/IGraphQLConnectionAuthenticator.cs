using System.Security.Claims;
using System.Text.Json;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// Authenticates a WebSocket connection from its <c>connection_init</c> payload (browsers cannot set headers on a socket).
/// Returning <see langword="null"/> refuses the connection: the socket is closed with 4403 Forbidden.
/// </summary>
public interface IGraphQLConnectionAuthenticator
{
    Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, JsonElement>? payload, CancellationToken cancellationToken);
}

/// <summary>
/// The default until API clients exist: the principal the host's authentication middleware put on the upgrade request,
/// or the anonymous one when <see cref="GraphQLTransportOptions.RequireAuthentication"/> is off.
/// </summary>
internal sealed class HttpContextConnectionAuthenticator(Microsoft.Extensions.Options.IOptions<GraphQLTransportOptions> options) : IGraphQLConnectionAuthenticator
{
    public Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, JsonElement>? payload, CancellationToken cancellationToken) =>
        Task.FromResult(context.User.Identity?.IsAuthenticated == true || !options.Value.RequireAuthentication ? context.User : null);
}
