using System.Reactive.Linq;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Domain.Access;
using EcomErp.Domain.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>Live return updates. A partner hears only its own channels, whatever it asks for.</summary>
public static class ReturnSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ReturnStatusChangedType>>("returnStatusChanged")
            .Description($"Every return status change (a request included), after the read model shows it; narrow it to one return or one channel. Needs the "
                + $"'{ApiScopes.ReturnsRead}' scope. Its arguments are checked as a query's: a malformed returnId is INVALID_ARGUMENT, an unknown channel "
                + "CHANNEL_NOT_FOUND, and a key restricted to channels hears its own only (naming another channel is FORBIDDEN).")
            .Argument<IdGraphType>("returnId", "Only this return.")
            .Argument<StringGraphType>("channel", "Only this channel.")
            .OpenToPartners()
            .ResolveStreamAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsRead);
                Guid? returnId = context.GetArgument<string?>("returnId") is null ? null : context.IdArgument("returnId");
                var channel = await context.ChannelArgumentAsync(caller);
                var bus = context.RequestServices!.GetRequiredService<INotificationBus>();
                return bus.Observe<ReturnStatusChangedNotification>()
                    .Where(n => caller.MaySee(n.Channel) && (returnId is null || n.ReturnId == returnId) && (channel is null || n.Channel == channel))
                    .NewestOnly(n => n.ReturnId, n => n.Sequence)
                    .Select(n => (object?)n);
            })
            .Resolve(context => context.Source);
    }
}

public sealed class ReturnStatusChangedType : ObjectGraphType<ReturnStatusChangedNotification>
{
    public ReturnStatusChangedType()
    {
        Name = "ReturnStatusChanged";
        Description = "A return was requested or moved to another state. Sent after the read model shows the change.";
        Field<NonNullGraphType<IdGraphType>>("returnId").Description("The return's id.").Resolve(c => c.Source.ReturnId);
        Field(n => n.RmaNumber).Description("The return's RMA number.");
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order the units came from.").Resolve(c => c.Source.OrderId);
        Field(n => n.Channel).Description("The return's channel.");
        Field<NonNullGraphType<ReturnStatusType>>("status").Description("The new state.").Resolve(c => c.Source.Status);
        Field<ReturnStatusType>("previousStatus").Description("The state before; null for a request.").Resolve(c => c.Source.PreviousStatus);
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position of the change in the global event log; increases with every event.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change happened.").Resolve(c => c.Source.OccurredAt);
        // From the view the notification carries (the subscription already kept to the caller's channels); read only for one
        // without (an older node), per event and not through a batch loader: a subscription lives long, and the return changes.
        Field<ReturnType>("return")
            .Description("The return as the read model shows it when the event is sent; it may already include later changes.")
            .ResolveAsync(async c =>
            {
                if (c.Source.Return is { } carried)
                    return carried;
                var view = await c.QueryAsync<GetReturn, ReturnView>(new GetReturn(c.Source.ReturnId, c.Caller().Actor()));
                return view.IsFailure && view.Error.Code == ReturnErrors.NotFoundCode ? null : c.ValueOrThrow(view);
            });
    }
}
