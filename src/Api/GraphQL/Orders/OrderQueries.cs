using System.Globalization;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>Order queries. They read read models only, and a partner sees its own channels' orders only.</summary>
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
                var view = await Store(context).GetAsync(context.IdArgument("id"), context.CancellationToken);
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
                var view = await Store(context).FindByExternalIdAsync(channel, context.GetArgument<string>("externalOrderId").Trim(), context.CancellationToken);
                return view is null ? null : OrderNode.Of(view);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<OrderType>>>("orders")
            .Description("Orders as a Relay connection, filtered and sorted in the store.")
            .Argument<IntGraphType>("first", $"Page size, 0 to {Cursors.MaxPageSize} (default {Cursors.DefaultPageSize}).")
            .Argument<StringGraphType>("after", "Cursor of the last edge of the previous page.")
            .Argument<OrderFilterInputType>("filter", "Criteria every order must meet.")
            .Argument<OrderSortInputType>("sort", "Sort order; newest first by default.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                var first = Cursors.PageSize(context.GetArgument<int?>("first"));
                var sort = context.GetArgument<OrderSortInput?>("sort") ?? new OrderSortInput();
                var after = context.GetArgument<string?>("after") is { } cursor ? ParseCursor(cursor) : null;
                var page = await Store(context).ListAsync(new OrderListRequest(
                    (context.GetArgument<OrderFilterInput?>("filter") ?? new OrderFilterInput()).ToFilter(),
                    sort.Field, sort.Direction == SortDirection.Desc, first, after, caller.VisibleChannels()), context.CancellationToken);
                return Cursors.Connection([.. page.Items.Select(item => new OrderNode(item, null))], i => FormatCursor(page.Cursors[i]),
                    page.HasNextPage, after is not null, page.TotalCount);
            });

        query.Field<OrderBlockersType>("orderBlockers")
            .Description("Why can't this order move? Its next step, that step's owner role, and every blocker.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The order's id.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                var view = await Store(context).GetAsync(context.IdArgument("id"), context.CancellationToken);
                return view is not null && caller.MaySee(view.Channel) ? view : null;
            });
    }

    private static IOrderReadModels Store(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IOrderReadModels>();

    private static string FormatCursor(OrderCursor cursor) =>
        Cursors.Encode(string.Create(CultureInfo.InvariantCulture, $"{cursor.SortKey}:{cursor.Id:N}"));

    private static OrderCursor ParseCursor(string cursor)
    {
        var text = Cursors.Decode(cursor, "after");
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator > 0 && long.TryParse(text[..separator], NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)
            && Guid.TryParseExact(text[(separator + 1)..], "N", out var id))
            return new OrderCursor(key, id);
        throw new ExecutionError($"'{cursor}' is not an order cursor.") { Code = SchemaErrorCodes.InvalidArgument };
    }
}

public sealed class OrderBlockersType : ObjectGraphType<OrderView>
{
    public OrderBlockersType()
    {
        Name = "OrderBlockers";
        Description = "What stops an order from taking its next step.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<OrderStatusType>>("status").Description("The order's current state.").Resolve(c => c.Source.Status);
        Field<OrderStatusType>("nextStatus").Description("The next state in the workflow; null for a finished or cancelled order.")
            .Resolve(c => Domain.Orders.OrderWorkflow.NextAfter(c.Source.Status));
        Field<RoleType>("nextStepOwner").Description("The role that owns the next step; null for a finished or cancelled order.")
            .Resolve(c => Domain.Orders.OrderWorkflow.NextAfter(c.Source.Status) is { } next ? Domain.Orders.OrderWorkflow.OwnerOf(next) : null);
        Field<NonNullGraphType<BooleanGraphType>>("canMove").Description("True when nothing blocks the next step.").Resolve(c => c.Source.Blockers.Count == 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlockerType>>>>("blockers").Description("Open holds and unmet entry criteria.").Resolve(c => c.Source.Blockers);
    }
}
