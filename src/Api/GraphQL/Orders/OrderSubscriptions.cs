using System.Reactive.Linq;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>Live order updates. A partner hears only its own channels, whatever it asks for.</summary>
public static class OrderSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<OrderStatusChangedType>>("orderStatusChanged")
            .Description("Every order status change, after the read model shows it; narrow it to one order or one channel. Its arguments are checked "
                + "as a query's: a malformed orderId is INVALID_ARGUMENT, an unknown channel CHANNEL_NOT_FOUND, and a key restricted to channels "
                + "hears its own only (naming another channel is FORBIDDEN).")
            .Argument<IdGraphType>("orderId", "Only this order.")
            .Argument<StringGraphType>("channel", "Only this channel.")
            .OpenToPartners()
            .ResolveStreamAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OrdersRead);
                Guid? orderId = context.GetArgument<string?>("orderId") is null ? null : context.IdArgument("orderId");
                var channel = await context.ChannelArgumentAsync(caller);
                var bus = context.RequestServices!.GetRequiredService<INotificationBus>();
                return bus.Observe<OrderStatusChangedNotification>()
                    .Where(n => caller.MaySee(n.Channel) && (orderId is null || n.OrderId == orderId) && (channel is null || n.Channel == channel))
                    .NewestOnly(n => n.OrderId, n => n.Sequence)
                    .Select(n => (object?)n);
            })
            .Resolve(context => context.Source);
    }
}

public sealed class OrderStatusChangedType : ObjectGraphType<OrderStatusChangedNotification>
{
    public OrderStatusChangedType()
    {
        Name = "OrderStatusChanged";
        Description = "An order moved to another state. Sent after the read model shows the change.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's id.").Resolve(c => c.Source.OrderId);
        Field(n => n.Channel).Description("The order's channel.");
        Field<NonNullGraphType<OrderStatusType>>("status").Description("The new state.").Resolve(c => c.Source.Status);
        Field<OrderStatusType>("previousStatus").Description("The state before; null for a capture.").Resolve(c => c.Source.PreviousStatus);
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position of the change in the global event log; increases with every event.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change happened.").Resolve(c => c.Source.OccurredAt);
        // The view the notification carries (decision 053): no read per event. From a node that sends none, read per event,
        // not through the request's batch loader: a subscription lives long, and its loader would keep answering with the
        // order as it was at the first event.
        Field<OrderType>("order")
            .Description("The order as the read model shows it when the event is sent (lines with their allocations and backordered units, "
                + "shipments); it may already include later changes. Null when the read model no longer has the order.")
            .ResolveAsync(async c => c.Source.Order is { } carried
                ? OrderNode.Of(carried)
                : c.ValueOrThrow(await c.QueryAsync<GetOrder, OrderView?>(new GetOrder(c.Source.OrderId))) is { } view
                    ? OrderNode.Of(view)
                    : null);
    }
}
