using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrders;
using EcomErp.Application.Orders.ReadModels;
using GraphQL;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>
/// The execution's order read models, batched: every id a level of the result needs is fetched with a single
/// <see cref="GetOrders"/> query (one read-model read), so a page of 50 orders with their lines costs one store read, not 50.
/// </summary>
public static class OrderBatchLoader
{
    public static BatchLoader<Guid, OrderView> For(IResolveFieldContext context)
    {
        var orders = context.RequestServices!.GetRequiredService<IQueryHandler<GetOrders, IReadOnlyDictionary<Guid, OrderView>>>();
        // The query cannot fail: it answers every id it has and leaves the others out.
        return BatchLoader<Guid, OrderView>.For(context, "orders", async (ids, ct) => (await orders.HandleAsync(new GetOrders(ids), ct)).Value);
    }
}
