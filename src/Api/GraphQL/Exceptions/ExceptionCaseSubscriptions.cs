using System.Reactive.Linq;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Domain.Access;
using EcomErp.Domain.Exceptions;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Exceptions;

/// <summary>Live case changes for the queues the caller sees; never for partner keys.</summary>
public static class ExceptionCaseSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ExceptionCaseChangedType>>("exceptionCaseChanged")
            .Description("Every case raised, assigned, escalated, resolved or dismissed in the queues the caller sees, once it is stored; narrow it to "
                + "some queues or types. Naming a queue the caller does not see is FORBIDDEN. Needs the 'exceptions:read' scope.")
            .Argument<ListGraphType<NonNullGraphType<RoleType>>>("queues", "Only these queues.")
            .Argument<ListGraphType<NonNullGraphType<ExceptionTypeType>>>("types", "Only cases of these types.")
            .ResolveStream(context =>
            {
                var caller = context.RequireScope(ApiScopes.ExceptionsRead);
                var visible = caller.VisibleQueues();
                var queues = context.GetArgument<List<string>?>("queues") is { Count: > 0 } named ? named : null;
                if (visible is not null && queues?.FirstOrDefault(q => !visible.Contains(q, StringComparer.Ordinal)) is { } hidden)
                    throw new ExecutionError($"queues: this key does not see the {hidden.ToConstantCase()} queue; it sees "
                        + $"{string.Join(", ", visible.Select(q => q.ToConstantCase()))}.") { Code = SchemaErrorCodes.Forbidden };
                var types = context.GetArgument<List<ExceptionType>?>("types") is { Count: > 0 } wanted ? wanted : null;
                var bus = context.RequestServices!.GetRequiredService<INotificationBus>();
                return bus.Observe<ExceptionCaseChangedNotification>()
                    .Where(n => caller.MaySee(n.Channel) && (visible is null || visible.Contains(n.Queue, StringComparer.Ordinal))
                        && (queues is null || queues.Contains(n.Queue, StringComparer.Ordinal)) && (types is null || types.Contains(n.Type)))
                    .NewestOnly(n => n.CaseId, n => n.Sequence)
                    .Select(n => (object?)n);
            })
            .Resolve(context => context.Source);
    }
}

public sealed class ExceptionCaseChangedType : ObjectGraphType<ExceptionCaseChangedNotification>
{
    public ExceptionCaseChangedType()
    {
        Name = "ExceptionCaseChanged";
        Description = "A case was raised, assigned, escalated, resolved or dismissed. Sent once the change is stored.";
        Field<NonNullGraphType<IdGraphType>>("caseId").Description("The case's id.").Resolve(c => c.Source.CaseId);
        Field<NonNullGraphType<ExceptionTypeType>>("type").Description("The case's type.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<RoleType>>("queue").Description("The case's queue.").Resolve(c => c.Source.Queue);
        Field(n => n.Channel).Description("Code of the channel of the case's subject.");
        Field<NonNullGraphType<ExceptionCaseActionType>>("action").Description("What happened.").Resolve(c => c.Source.Action);
        Field(n => n.ActorId).Description("Who: user:…, api-client:… or system.");
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position of the change in the global event log; increases with every event.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When it happened.").Resolve(c => c.Source.OccurredAt);
        Field<ExceptionCaseType>("exceptionCase")
            .Description("The case as it is stored when the event is sent; it may already include later changes.")
            .ResolveAsync(async c =>
            {
                // From the case the notification carries (the subscription already kept to the caller's channels and queues).
                if (c.Source.Case is { } carried)
                    return ExceptionCaseNode.Of(carried);
                // One without (an older node) is read per event in a scope of its own: the subscription's scope lives as long
                // as it does, and its DbContext would keep answering with the case as it first loaded it.
                await using var scope = c.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var found = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetExceptionCase, ExceptionCaseView>>()
                    .HandleAsync(new GetExceptionCase(c.Source.CaseId), c.CancellationToken);
                return found.IsFailure && found.Error.Code == ExceptionCaseErrors.NotFoundCode ? null : ExceptionCaseNode.Of(c.ValueOrThrow(found));
            });
    }
}
