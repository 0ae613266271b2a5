using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.ListReturnsOfOrders;
using EcomErp.Domain.Access;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>
/// <c>Order { returns }</c>: the order's returns from the returns read model, behind their own scope. Batched: the returns of
/// every order a level of the result holds are one read (<see cref="ListReturnsOfOrders"/>).
/// </summary>
public static class OrderReturnsField
{
    public static void AddTo(ObjectGraphType<OrderNode> order) =>
        order.Field<ListGraphType<NonNullGraphType<ReturnType>>>("returns")
            .Description($"The order's returns, oldest requested first. Needs the '{ApiScopes.ReturnsRead}' scope (else null with FORBIDDEN); a key restricted "
                + "to channels sees its own channels' returns only.")
            .Resolve(context =>
            {
                var visible = context.RequireScope(ApiScopes.ReturnsRead).VisibleChannels();
                var returns = context.RequestServices!.GetRequiredService<IQueryHandler<ListReturnsOfOrders, IReadOnlyDictionary<Guid, IReadOnlyList<ReturnView>>>>();
                // The query cannot fail: every order asked for has an entry.
                return BatchLoader<Guid, IReadOnlyList<ReturnView>>.For(context, "returns-of-orders",
                        async (ids, ct) => (await returns.HandleAsync(new ListReturnsOfOrders(ids, visible), ct)).Value)
                    .Load(context.Source.Summary.Id, found => found);
            });
}
