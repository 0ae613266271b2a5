using System.Security.Claims;
using System.Text.Json;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// Authenticates a WebSocket connection from its <c>connection_init</c> payload (browsers cannot set headers on a socket).
/// Returning <see langword="null"/> refuses the connection: the socket is closed with 4403 Forbidden. A socket lives for
/// hours, so the session also asks whether the grants still hold and listens for their revocation.
/// </summary>
public interface IGraphQLConnectionAuthenticator
{
    Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, JsonElement>? payload, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="user"/> still holds exactly what it was granted at connection_init; <see langword="false"/>
    /// closes the socket with 4403. Asked before every operation and every event, so it must answer from a short cache.
    /// </summary>
    ValueTask<bool> IsStillGrantedAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>Calls <paramref name="revoked"/> when the user's grants are revoked or changed (on any node); dispose to stop.</summary>
    IDisposable WatchGrants(ClaimsPrincipal user, Action revoked) => Unwatched.Instance;

    private sealed class Unwatched : IDisposable
    {
        public static readonly Unwatched Instance = new();

        public void Dispose()
        {
        }
    }
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
