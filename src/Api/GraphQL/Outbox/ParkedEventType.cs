using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.ParkedEvents;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Outbox;

public sealed class ParkedEventStatusType() : DescribedEnumType<ParkedEventStatus>("ParkedEventStatus",
    "Where an event a consumer of the outbox failed on stands (decision 050).",
    new Dictionary<ParkedEventStatus, string>
    {
        [ParkedEventStatus.Parked] = "Its consumer failed on it after every retry; it waits for retryParkedEvent or skipParkedEvent.",
        [ParkedEventStatus.Held] = "A later event of a parked event's aggregate, kept back so the aggregate's events reach the consumer in order.",
        [ParkedEventStatus.Delivered] = "Delivered to its consumer by a retry, or after the event it waited behind was retried or skipped.",
        [ParkedEventStatus.Skipped] = "Skipped: its consumer never handles it.",
    });

/// <summary>One event a consumer of the outbox parked or holds back; never a stack trace, only the exception's type and message.</summary>
public sealed class ParkedEventType : ObjectGraphType<ParkedEventView>
{
    public ParkedEventType()
    {
        Name = "ParkedEvent";
        Description = "An outbox event one consumer parked after its retries, or holds behind a parked event of the same aggregate.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The parked row's id: what retryParkedEvent and skipParkedEvent take.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("consumer").Description("The consumer of the outbox that failed on the event or holds it.").Resolve(c => c.Source.Consumer);
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The event's outbox sequence: global, in commit order.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The outbox event's id; an INTEGRATION_FAILURE case names it as its subject.").Resolve(c => c.Source.EventId);
        Field<NonNullGraphType<StringGraphType>>("eventType").Description("The domain event's type, for example OrderCaptured.").Resolve(c => c.Source.EventType);
        Field<NonNullGraphType<StringGraphType>>("aggregateType").Description("The type of the aggregate that raised the event.").Resolve(c => c.Source.AggregateType);
        Field<NonNullGraphType<StringGraphType>>("aggregateId").Description("The id of the aggregate that raised the event.").Resolve(c => c.Source.AggregateId);
        Field<NonNullGraphType<ParkedEventStatusType>>("status").Description("Parked, held, delivered or skipped.").Resolve(c => c.Source.Status);
        Field<LongGraphType>("heldBehind").Description("For a held event: the sequence of the parked event it waits behind.").Resolve(c => c.Source.HeldBehind);
        Field<StringGraphType>("errorType").Description("The exception's type as the consumer threw it; null for a held event.").Resolve(c => c.Source.ErrorType);
        Field<StringGraphType>("errorMessage").Description("The exception's message (clipped), never its stack; null for a held event.").Resolve(c => c.Source.ErrorMessage);
        Field<NonNullGraphType<IntGraphType>>("attempts").Description("How many times the consumer tried the event, retries included.").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("firstFailedAt").Description("When the consumer first failed on it (for a held event: when it was held).")
            .Resolve(c => c.Source.FirstFailedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("lastFailedAt").Description("When the consumer last failed on it.").Resolve(c => c.Source.LastFailedAt);
        Field<DateTimeOffsetGraphType>("settledAt").Description("When it was delivered or skipped; null while parked or held.").Resolve(c => c.Source.SettledAt);
        Field<StringGraphType>("settledBy").Description("The actor id that retried or skipped it (or the one whose step released it).").Resolve(c => c.Source.SettledBy);
        Field<IdGraphType>("exceptionCaseId").Description("The INTEGRATION_FAILURE case parking raised; null for a held event.").Resolve(c => c.Source.ExceptionCaseId);
    }
}
