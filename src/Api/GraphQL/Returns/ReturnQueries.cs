using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.ListReturns;
using EcomErp.Domain.Access;
using EcomErp.Domain.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>Return queries through their Application query handlers; a partner sees its own channels' returns only.</summary>
public static class ReturnQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ReturnType>("return")
            .Description($"One return by id; null when it does not exist or is outside the caller's channels. Needs the '{ApiScopes.ReturnsRead}' scope.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The return's id.")
            // GetReturn answers a return outside the actor's channels as not found.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsRead);
                var view = await context.QueryAsync<GetReturn, ReturnView>(new GetReturn(context.IdArgument("id"), caller.Actor()));
                return view.IsFailure && view.Error.Code == ReturnErrors.NotFoundCode ? null : context.ValueOrThrow(view);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<ReturnType>>>("returns")
            .Description($"Returns as a connection from the read model, filtered, sorted and paged in the store (ties broken by id). A key restricted to channels "
                + $"sees its own channels' returns only. Needs the '{ApiScopes.ReturnsRead}' scope. A bad filter is an error with a code.")
            .Argument<ReturnFilterInputType>("filter", "Criteria every return must meet.")
            .Argument<ReturnSortInputType>("sort", "Sort order; newest requested first by default.")
            .PagingArguments("in the sort's order")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsRead);
                var filter = (context.GetArgument<ReturnFilterInput?>("filter") ?? new ReturnFilterInput()).ToFilter();
                var sort = context.Sort(ReturnSortInputType.Default);
                var paging = context.Page(CursorList);
                var page = context.ValueOrThrow(await context.QueryAsync<ListReturns, ReturnPage>(new ListReturns(new ReturnListRequest(
                    filter, sort.Field, sort.Descending, paging.Size, caller.VisibleChannels(), Position(paging.After), paging.FromTheEnd, Position(paging.Before)))));
                return ConnectionPage.Of(page.Items, i => paging.Cursor(Key(page.Cursors[i])),
                    page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });
    }

    private const string CursorList = "returns";

    private static ReturnCursor? Position(string? key) => Paging.KeysetPosition(key) is { } position ? new ReturnCursor(position.SortKey, position.Id) : null;

    /// <summary>The key text every keyset list's cursor carries (sort key and id), so <see cref="Paging.KeysetPosition"/> reads it back.</summary>
    private static string Key(ReturnCursor cursor) => new Application.Orders.ReadModels.OrderCursor(cursor.SortKey, cursor.Id).ToString();
}
