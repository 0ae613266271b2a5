using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Access.AuthenticateApiClient;

/// <summary>Who is calling, given a presented API key.</summary>
public sealed record AuthenticateApiClient(string PresentedKey);

/// <summary>An authenticated caller: its scopes, the channels it is restricted to (empty: all) and the business roles it was granted.</summary>
public sealed record ApiCaller(Guid ClientId, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Channels, IReadOnlyList<string> Roles)
{
    public static ApiCaller Of(ApiClient client) => new(client.Id, client.Name, client.Scopes, client.Channels, client.Roles);

    /// <summary>True when both grant the same: the same client, scopes, channels and roles (in any order).</summary>
    public bool GrantsTheSameAs(ApiCaller other) =>
        ClientId == other.ClientId
        && SameSet(Scopes, other.Scopes) && SameSet(Channels, other.Channels) && SameSet(Roles, other.Roles);

    /// <summary>
    /// The caller as a workflow actor: the roles it was granted, and those that own the steps its scopes cover. The scope
    /// mapping stays for the clients issued before roles could be granted; approvals are the granted roles' to give
    /// (<see cref="Actor.MayDecideAs"/>).
    /// </summary>
    public Actor ToActor() =>
        new($"{Actor.ApiClientIdPrefix}{ClientId}", Name, [.. Roles.Concat(Scopes.SelectMany(RolesOf)).Distinct(StringComparer.Ordinal)],
            Channels.Count == 0 ? null : Channels, Roles);

    /// <summary>The same values in any order. An open socket asks before every event it delivers, so nothing is sorted or allocated.</summary>
    private static bool SameSet(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        if (left.Count != right.Count)
            return false;
        for (var i = 0; i < left.Count; i++)
        {
            if (!Contains(right, left[i]) || !Contains(left, right[i]))
                return false;
        }
        return true;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static IEnumerable<string> RolesOf(string scope) => scope switch
    {
        ApiScopes.OrdersWrite => [Domain.Common.Roles.CustomerService],
        ApiScopes.FulfillmentWrite => [Domain.Common.Roles.WarehouseManager, Domain.Common.Roles.OperationsManager],
        // Purchase orders and safety stock are the Planner's; receipts, transfers, moves and counts the WarehouseManager's;
        // approving an adjustment the OperationsManager's (four eyes: a different client than the requester).
        ApiScopes.InventoryWrite => [Domain.Common.Roles.Planner, Domain.Common.Roles.WarehouseManager, Domain.Common.Roles.OperationsManager],
        ApiScopes.OutboxAdmin => [Domain.Common.Roles.OutboxOperator],
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
