using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.ParkedEvents;
using EcomErp.Application.ParkedEvents.RetryParkedEvent;
using EcomErp.Application.ParkedEvents.SkipParkedEvent;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Outbox;

/// <summary>The input of both steps: the parked event, and for a skip why.</summary>
public sealed class ParkedEventInput
{
    public string ParkedEventId { get; set; } = "";
    public string Reason { get; set; } = "";
}

// Built with new per mutation (name and fields vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class ParkedEventInputType : InputObjectGraphType<ParkedEventInput>
{
    public ParkedEventInputType(string name, string description, bool withReason)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("parkedEventId").Description("The parked event's id (ParkedEvent.id).");
        if (withReason)
            Field<NonNullGraphType<StringGraphType>>("reason")
                .Description($"Why the event is skipped, 1 to {ExceptionCaseErrors.NoteMaxLength} characters; it closes the event's INTEGRATION_FAILURE case.");
    }
}

/// <summary>What a retry or skip did, or the business errors.</summary>
public sealed record ParkedEventPayload(ParkedEventSettlement? Settlement, IReadOnlyList<Error> UserErrors);

// Built with new per mutation (name and description vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class ParkedEventPayloadType : ObjectGraphType<ParkedEventPayload>
{
    public ParkedEventPayloadType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ParkedEventType>("parkedEvent").Description("The event after the mutation; null when it failed.").Resolve(c => c.Source.Settlement?.Event);
        Field<IntGraphType>("followersDelivered").Description("How many of the events held behind it its consumer then took, in order; null when it failed.")
            .Resolve(c => c.Source.Settlement?.FollowersDelivered);
        Field<ParkedEventType>("parkedAgain").Description("A held event that failed in its turn and is parked now (the rest wait behind it); null when none did.")
            .Resolve(c => c.Source.Settlement?.ParkedAgain);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures; empty on success. Nothing changed when there are any (a retry that failed again counts its attempt).")
            .Resolve(c => c.Source.UserErrors);
    }
}

/// <summary>
/// retryParkedEvent and skipParkedEvent: each sends its command and maps the result; the scope opens the field, the Application
/// decides who settles (an Admin, or a key holding the scope).
/// </summary>
public static class ParkedEventMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Step<RetryParkedEvent>(mutation, "retryParkedEvent",
            "Runs a parked event through its consumer again (after its fault is fixed), then the events of its aggregate held behind it, in order. "
            + "One that fails again answers PARKED_EVENT_STILL_FAILING and stays parked.",
            withReason: false, (input, id, actor) => new RetryParkedEvent(id, actor));
        Step<SkipParkedEvent>(mutation, "skipParkedEvent",
            "Gives up on a parked event with a reason: its consumer never handles it, and the events held behind it go through in order.",
            withReason: true, (input, id, actor) => new SkipParkedEvent(id, actor, input.Reason));
    }

    /// <summary>One step: <c>name(input: NameInput!): NamePayload!</c>. A malformed id is a user error, like an unknown one.</summary>
    private static void Step<TCommand>(ObjectGraphType mutation, string name, string description, bool withReason,
        Func<ParkedEventInput, Guid, Actor, TCommand> command)
        where TCommand : ParkedEventCommand
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        mutation.Field(name, new NonNullGraphType(new ParkedEventPayloadType($"{typeName}Payload", $"Result of {name}.")))
            .Description($"{description} Needs the '{ApiScopes.OutboxAdmin}' scope.")
            .Argument(new NonNullGraphType(new ParkedEventInputType($"{typeName}Input", $"Input of {name}.", withReason)), "input", a => a.Description = "What to do.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.OutboxAdmin);
                var input = context.GetArgument<ParkedEventInput>("input");
                if (!Guid.TryParse(input.ParkedEventId, out var id))
                    return new ParkedEventPayload(null, [new Error(ParkedEventErrors.NotFoundCode, "The parked event id is not a valid id.", "parkedEventId")]);
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<TCommand, ParkedEventSettlement>>();
                var result = await handler.HandleAsync(command(input, id, caller.Actor()), context.CancellationToken);
                // The Application names the id "id"; this input calls it parkedEventId.
                return result.IsSuccess
                    ? new ParkedEventPayload(result.Value, [])
                    : new ParkedEventPayload(null, [.. result.Errors.Select(e => e.Field == "id" ? e with { Field = "parkedEventId" } : e)]);
            });
    }
}
