using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>Orders for node(id)/nodes(ids): from the read model through the execution's batch loader, one read for every id.</summary>
public sealed class OrderNodeResolver : INodeResolver
{
    public async Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(IResolveFieldContext context, IReadOnlyList<Guid> ids)
    {
        var caller = context.Caller();
        if (!caller.Scopes.Contains(ApiScopes.OrdersRead, StringComparer.Ordinal))
            return new Dictionary<Guid, object>();
        var loader = OrderBatchLoader.For(context);
        var pending = ids.Select(id => loader.Load(id, view => view)).ToList();
        var found = new Dictionary<Guid, object>();
        foreach (var result in pending)
        {
            if (await result.GetResultAsync(context.CancellationToken) is { } view && caller.MaySee(view.Channel))
                found[view.Id] = OrderNode.Of(view);
        }
        return found;
    }
}
