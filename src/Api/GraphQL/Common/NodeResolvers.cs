using GraphQL;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// Finds the objects of one type among ids (ids are UUIDs unique across types, decision 016). A resolver answers only with
/// what the caller may read: it checks its type's scope, and for a key restricted to channels it answers with that key's
/// channels' objects only (nothing at all for a type closed to partners). An id it does not know or may not show is absent.
/// </summary>
public interface INodeResolver
{
    /// <summary>The objects found, keyed by id, each as its object graph type resolves it (e.g. OrderNode for Order).</summary>
    Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(IResolveFieldContext context, IReadOnlyList<Guid> ids);
}

/// <summary>The one place a type joins node(id)/nodes(ids): register its resolver here (and implement Node on its graph type).</summary>
public static class NodeResolvers
{
    public static IServiceCollection AddNodeResolvers(this IServiceCollection services) => services
        .AddSingleton<INodeResolver, Orders.OrderNodeResolver>()
        .AddSingleton<INodeResolver, Inventory.PurchaseOrderNodeResolver>()
        .AddSingleton<INodeResolver, Returns.ReturnNodeResolver>();
}
