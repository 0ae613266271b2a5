using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.AuthenticateApiClient;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.Security;

/// <summary>The claims an authenticated API client carries.</summary>
public static class ApiClaims
{
    public const string Scheme = "ApiKey";
    public const string ClientId = "ecomerp:client-id";
    public const string Scope = "scope";
    public const string Channel = "ecomerp:channel";

    /// <summary>A granted business role; not <c>ClaimTypes.Role</c>, so no role-based policy of the admin ever sees a key as a person.</summary>
    public const string Role = "ecomerp:role";

    public static ClaimsPrincipal ToPrincipal(ApiCaller caller)
    {
        var claims = new List<Claim>
        {
            new(ClientId, caller.ClientId.ToString()),
            new(ClaimTypes.NameIdentifier, $"api-client:{caller.ClientId}"),
            new(ClaimTypes.Name, caller.Name),
        };
        claims.AddRange(caller.Scopes.Select(s => new Claim(Scope, s)));
        claims.AddRange(caller.Channels.Select(c => new Claim(Channel, c)));
        claims.AddRange(caller.Roles.Select(r => new Claim(Role, r)));
        return new ClaimsPrincipal(new ApiClientIdentity(caller, claims));
    }

    /// <summary>
    /// The caller the principal was made from, or read back from its claims when the identity is another's copy. Every
    /// resolver, the partner scope and each event of an open socket ask, so the caller is kept, not parsed again each time.
    /// </summary>
    public static ApiCaller? ToCaller(this ClaimsPrincipal? principal) =>
        principal?.Identity is ApiClientIdentity identity ? identity.Caller
        : principal?.FindFirst(ClientId) is { } id && Guid.TryParse(id.Value, out var clientId)
            ? new ApiCaller(clientId, principal.Identity?.Name ?? "",
                [.. principal.FindAll(Scope).Select(c => c.Value)], [.. principal.FindAll(Channel).Select(c => c.Value)],
                [.. principal.FindAll(Role).Select(c => c.Value)])
            : null;

    /// <summary>An API client's claims, with the caller they were made from.</summary>
    private sealed class ApiClientIdentity(ApiCaller caller, IEnumerable<Claim> claims) : ClaimsIdentity(claims, Scheme)
    {
        public ApiCaller Caller { get; } = caller;
    }
}

/// <summary>
/// Authenticates API calls by key: <c>Authorization: Bearer eck_…</c> or <c>X-Api-Key: eck_…</c>.
/// Keys are looked up by prefix and checked against their stored hash; the key itself is never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IQueryHandler<AuthenticateApiClient, ApiCaller> authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
            return AuthenticateResult.NoResult();
        var caller = await authenticate.HandleAsync(new AuthenticateApiClient(key), Context.RequestAborted);
        return caller.IsSuccess
            ? AuthenticateResult.Success(new AuthenticationTicket(ApiClaims.ToPrincipal(caller.Value), Scheme.Name))
            : AuthenticateResult.Fail(caller.Error.Message);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"EcomErp\"";
        return Task.CompletedTask;
    }

    internal static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var apiKey) && !string.IsNullOrWhiteSpace(apiKey))
            return apiKey.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>
/// Authenticates a WebSocket from its <c>connection_init</c> payload: <c>{"authorization": "Bearer eck_…"}</c>
/// or <c>{"apiKey": "eck_…"}</c>. A key on the upgrade request's headers is accepted too. While the socket is open, the
/// client's grants are checked against <see cref="ApiClientGrants"/>: revoking or changing the client closes it.
/// </summary>
internal sealed class ApiKeyConnectionAuthenticator(IQueryHandler<AuthenticateApiClient, ApiCaller> authenticate, ApiClientGrants grants)
    : IGraphQLConnectionAuthenticator
{
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, JsonElement>? payload, CancellationToken cancellationToken)
    {
        var key = FromPayload(payload) ?? ApiKeyAuthenticationHandler.PresentedKey(context.Request);
        if (key is null)
            return null;
        var caller = await authenticate.HandleAsync(new AuthenticateApiClient(key), cancellationToken);
        if (caller.IsFailure)
            return null;
        grants.Remember(caller.Value);
        return ApiClaims.ToPrincipal(caller.Value);
    }

    public ValueTask<bool> IsStillGrantedAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.ToCaller() is { } caller ? grants.StillGrantAsync(caller, cancellationToken) : ValueTask.FromResult(false);

    public IDisposable WatchGrants(ClaimsPrincipal user, Action revoked) =>
        grants.Watch(user.ToCaller()?.ClientId ?? throw new ArgumentException("Not an API client's principal.", nameof(user)), revoked);

    private static string? FromPayload(IReadOnlyDictionary<string, JsonElement>? payload)
    {
        if (payload is null)
            return null;
        foreach (var (name, value) in payload)
        {
            if (value.ValueKind != JsonValueKind.String)
                continue;
            var text = value.GetString()!.Trim();
            if (name.Equals("apiKey", StringComparison.OrdinalIgnoreCase))
                return text;
            if (name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
                return text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text["Bearer ".Length..].Trim() : text;
        }
        return null;
    }
}

public static class ApiKeyAuthenticationExtensions
{
    /// <summary>Adds the API key scheme and makes it the WebSocket authenticator of the GraphQL transport.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiClaims.Scheme, null);
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName)
            .Validate(options => options.RecheckInterval >= TimeSpan.Zero, $"{ApiKeyOptions.SectionName}:RecheckInterval must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<ApiClientGrants>();
        services.AddScoped<IGraphQLConnectionAuthenticator, ApiKeyConnectionAuthenticator>();
        return services;
    }
}
