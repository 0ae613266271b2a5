using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.AuthenticateApiClient;

/// <summary>Who is calling, given a presented API key.</summary>
public sealed record AuthenticateApiClient(string PresentedKey);

/// <summary>An authenticated caller: its scopes, and the channels it is restricted to (empty: all).</summary>
public sealed record ApiCaller(Guid ClientId, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Channels)
{
    public static ApiCaller Of(ApiClient client) => new(client.Id, client.Name, client.Scopes, client.Channels);

    /// <summary>True when both grant the same: the same client, scopes and channels (in any order).</summary>
    public bool GrantsTheSameAs(ApiCaller other) =>
        ClientId == other.ClientId
        && Scopes.Order(StringComparer.Ordinal).SequenceEqual(other.Scopes.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && Channels.Order(StringComparer.Ordinal).SequenceEqual(other.Channels.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The caller as a workflow actor: its scopes grant the roles that own the steps they cover.</summary>
    public Actor ToActor() =>
        new($"api-client:{ClientId}", Name, [.. Scopes.SelectMany(RolesOf).Distinct()], Channels.Count == 0 ? null : Channels);

    private static IEnumerable<string> RolesOf(string scope) => scope switch
    {
        ApiScopes.OrdersWrite => [Roles.CustomerService],
        ApiScopes.FulfillmentWrite => [Roles.WarehouseManager, Roles.OperationsManager],
        // Purchase orders and safety stock are the Planner's; receipts, transfers, moves and counts the WarehouseManager's;
        // approving an adjustment the OperationsManager's (four eyes: a different client than the requester).
        ApiScopes.InventoryWrite => [Roles.Planner, Roles.WarehouseManager, Roles.OperationsManager],
        _ => [],
    };
}

internal sealed class AuthenticateApiClientHandler(IApiClientRepository clients) : IQueryHandler<AuthenticateApiClient, ApiCaller>
{
    public async Task<Result<ApiCaller>> HandleAsync(AuthenticateApiClient query, CancellationToken cancellationToken)
    {
        // One answer for every failure, so a caller cannot tell a wrong key from a revoked or unknown one.
        var invalid = new Error(ApiClientErrors.KeyInvalid, "The API key is not valid.");
        if (ApiClient.PrefixOf(query.PresentedKey) is not { } prefix)
            return invalid;
        var client = await clients.FindByPrefixAsync(prefix, cancellationToken);
        if (client is null || !client.Verify(query.PresentedKey))
            return invalid;
        return ApiCaller.Of(client);
    }
}
