using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Inventory.GetPurchaseOrders;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>
/// Purchase orders for node(id)/nodes(ids), in one read of their read table. They belong to no channel, so a key restricted
/// to channels gets none, as the purchaseOrder query refuses it (decision 013).
/// </summary>
public sealed class PurchaseOrderNodeResolver : INodeResolver
{
    public async Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(IResolveFieldContext context, IReadOnlyList<Guid> ids)
    {
        var caller = context.Caller();
        if (caller.Channels.Count > 0 || !caller.Scopes.Contains(ApiScopes.InventoryRead, StringComparer.Ordinal))
            return new Dictionary<Guid, object>();
        var found = context.ValueOrThrow(await context.QueryAsync<GetPurchaseOrders, IReadOnlyDictionary<Guid, PurchaseOrderView>>(new GetPurchaseOrders(ids)));
        return found.ToDictionary(pair => pair.Key, pair => (object)pair.Value);
    }
}
