using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.GetOrderBlockers;
using EcomErp.Application.Orders.GetOrderByExternalId;
using EcomErp.Application.Orders.ListOrders;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>Order queries, each through its Application query handler; a partner sees its own channels' orders only.</summary>
public static class OrderQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<OrderType>("order")
            .Description("One order by id; null when it does not exist or is outside the caller's channels.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The order's id.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                var view = context.ValueOrThrow(await context.QueryAsync<GetOrder, OrderView?>(new GetOrder(context.IdArgument("id"))));
                return view is not null && caller.MaySee(view.Channel) ? OrderNode.Of(view) : null;
            });

        query.Field<OrderType>("orderByExternalId")
            .Description("One order by the channel's own order id; null when unknown or outside the caller's channels.")
            .Argument<NonNullGraphType<StringGraphType>>("channel", "Channel code.")
            .Argument<NonNullGraphType<StringGraphType>>("externalOrderId", "The channel's order id.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                var channel = context.GetArgument<string>("channel").Trim().ToUpperInvariant();
                if (!caller.MaySee(channel))
                    return null;
                var view = context.ValueOrThrow(await context.QueryAsync<GetOrderByExternalId, OrderView?>(
                    new GetOrderByExternalId(channel, context.GetArgument<string>("externalOrderId").Trim())));
                return view is null ? null : OrderNode.Of(view);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<OrderType>>>("orders")
            .Description("Orders as a connection, filtered, sorted and paged in the store (ties broken by id). A key restricted to channels "
                + "sees its own channels' orders only. A captured range that is empty or outside the business dates is an error with a code.")
            .Argument<OrderFilterInputType>("filter", "Criteria every order must meet.")
            .Argument<OrderSortInputType>("sort", "Sort order; newest captured first by default.")
            .PagingArguments("in the sort's order")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                var filter = (context.GetArgument<OrderFilterInput?>("filter") ?? new OrderFilterInput()).ToFilter();
                var sort = context.Sort(OrderSortInputType.Default);
                var paging = context.Page(CursorList);
                var page = context.ValueOrThrow(await context.QueryAsync<ListOrders, OrderPage>(new ListOrders(new OrderListRequest(
                    filter, sort.Field, sort.Descending, paging.Size, Paging.KeysetPosition(paging.After), caller.VisibleChannels(),
                    paging.FromTheEnd, Paging.KeysetPosition(paging.Before)))));
                return ConnectionPage.Of([.. page.Items.Select(item => new OrderNode(item, null))], i => paging.Cursor(page.Cursors[i].ToString()),
                    page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });

        query.Field<OrderBlockersType>("orderBlockers")
            .Description("Why can't this order move? Its next step, that step's owner role, and every blocker.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The order's id.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                var blockers = await context.QueryAsync<GetOrderBlockers, OrderBlockers>(new GetOrderBlockers(context.IdArgument("id"), caller.VisibleChannels()));
                // An order that does not exist or lies outside the caller's channels is null, as the order field answers.
                return blockers.IsFailure && blockers.Error.Code == OrderErrors.NotFoundCode ? null : context.ValueOrThrow(blockers);
            });
    }

    private const string CursorList = "orders";

}

public sealed class OrderBlockersType : ObjectGraphType<OrderBlockers>
{
    public OrderBlockersType()
    {
        Name = "OrderBlockers";
        Description = "What stops an order from taking its next step.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's id.").Resolve(c => c.Source.OrderId);
        Field<NonNullGraphType<OrderStatusType>>("status").Description("The order's current state.").Resolve(c => c.Source.Status);
        Field<OrderStatusType>("nextStatus").Description("The next state in the workflow; null for a finished or cancelled order.")
            .Resolve(c => c.Source.NextStatus);
        Field<RoleType>("nextStepOwner").Description("The role that owns the next step; null for a finished or cancelled order.")
            .Resolve(c => c.Source.NextStepOwner);
        Field<NonNullGraphType<BooleanGraphType>>("canMove").Description("True when nothing blocks the next step.").Resolve(c => c.Source.CanMove);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlockerType>>>>("blockers").Description("Open holds and unmet entry criteria.")
            .Resolve(c => c.Source.Blockers.Select(b => new OrderBlockerView(b.Code, b.Message, b.HoldType)).ToList());
    }
}
