using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Returns.ListReturns;
using EcomErp.Domain.Access;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary><c>Order { returns }</c>: the order's returns from the returns read model, behind their own scope.</summary>
public static class OrderReturnsField
{
    public static void AddTo(ObjectGraphType<OrderNode> order) =>
        order.Field<ListGraphType<NonNullGraphType<ReturnType>>>("returns")
            .Description($"The order's returns, oldest requested first. Needs the '{ApiScopes.ReturnsRead}' scope (else null with FORBIDDEN); a key restricted "
                + "to channels sees its own channels' returns only.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsRead);
                // Units shipped bound an order's live returns; a page of the largest size holds every return a real order has.
                var page = context.ValueOrThrow(await context.QueryAsync<ListReturns, ReturnPage>(new ListReturns(new ReturnListRequest(
                    new ReturnFilter(OrderId: context.Source.Summary.Id), ReturnSortField.RequestedAt, false, Paging.MaxPageSize, caller.VisibleChannels()))));
                return page.Items;
            });
}
