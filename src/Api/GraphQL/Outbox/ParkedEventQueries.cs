using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.ParkedEvents;
using EcomErp.Application.ParkedEvents.ListParkedEvents;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Outbox;

/// <summary>The outbox's parked events, through their query handler (decision 054). Not for partner keys: every channel's events.</summary>
public static class ParkedEventQueries
{
    private const string CursorList = "parkedEvents";

    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<ParkedEventType>>>("parkedEvents")
            .Description("The events the outbox's consumers parked or hold back, in outbox order, narrowed by consumer and status. "
                + $"Needs the '{ApiScopes.OutboxAdmin}' scope.")
            .Argument<StringGraphType>("consumer", "Only this consumer's events (domain-events, read-models…).")
            .Argument<ParkedEventStatusType>("status", "Only events in this status.")
            .PagingArguments("outbox order")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.OutboxAdmin);
                var consumer = context.GetArgument<string?>("consumer");
                var filter = new ParkedEventFilter(string.IsNullOrWhiteSpace(consumer) ? null : consumer.Trim(), context.GetArgument<ParkedEventStatus?>("status"));
                var paging = context.Page(CursorList);
                var page = context.ValueOrThrow(await context.QueryAsync<ListParkedEvents, ParkedEventPage>(new ListParkedEvents(new ParkedEventListRequest(
                    filter, paging.Size, Paging.KeysetPosition(paging.After), paging.FromTheEnd, Paging.KeysetPosition(paging.Before)))));
                return ConnectionPage.Of(page.Items, i => paging.Cursor(page.Cursors[i].ToString()), page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });
}
