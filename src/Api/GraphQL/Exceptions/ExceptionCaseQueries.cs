using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Domain.Access;
using EcomErp.Domain.Exceptions;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Exceptions;

/// <summary>
/// Exception case queries, each through its Application query handler. A caller sees the queues its roles own (every queue
/// for Executive); partner keys never reach them (the fields are not opened to partners).
/// </summary>
public static class ExceptionCaseQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ExceptionCaseType>("exceptionCase")
            .Description("One exception case by id, with its priority factors and timeline; null when it does not exist or lies in a queue the caller does not see. "
                + "Needs the 'exceptions:read' scope.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The case's id.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ExceptionsRead);
                var found = await context.QueryAsync<GetExceptionCase, ExceptionCaseView>(
                    new GetExceptionCase(context.IdArgument("id"), caller.VisibleChannels(), caller.VisibleQueues()));
                return found.IsFailure && found.Error.Code == ExceptionCaseErrors.NotFoundCode ? null : ExceptionCaseNode.Of(context.ValueOrThrow(found));
            });

        query.Field<NonNullGraphType<ConnectionGraphType<ExceptionCaseType>>>("exceptionCases")
            .Description("Exception cases of the queues the caller sees, filtered, sorted and paged in the store (ties broken by id); earliest due first by default. "
                + "Needs the 'exceptions:read' scope.")
            .Argument<ExceptionCaseFilterInputType>("filter", "Criteria every case must meet.")
            .Argument<ExceptionCaseSortInputType>("sort", "Sort order; earliest due first by default.")
            .PagingArguments("in the sort's order")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ExceptionsRead);
                var filter = (context.GetArgument<ExceptionCaseFilterInput?>("filter") ?? new ExceptionCaseFilterInput()).ToFilter(caller.Actor().Id);
                var sort = context.Sort(ExceptionCaseSortInputType.Default);
                var paging = context.Page(CursorList);
                var page = context.ValueOrThrow(await context.QueryAsync<ListExceptionCases, ExceptionCasePage>(new ListExceptionCases(new ExceptionCaseListRequest(
                    filter, sort.Field, sort.Descending, paging.Size, Paging.KeysetPosition(paging.After), caller.VisibleChannels(), caller.VisibleQueues(),
                    paging.FromTheEnd, Paging.KeysetPosition(paging.Before)))));
                return ConnectionPage.Of([.. page.Items.Select(ExceptionCaseNode.Of)], i => paging.Cursor(page.Cursors[i].ToString()),
                    page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });
    }

    /// <summary>
    /// The queues the caller sees: those of the roles it was granted (a role its scopes imply works no case, decision 026); null
    /// (every queue) for Executive.
    /// </summary>
    public static IReadOnlyCollection<string>? VisibleQueues(this ApiCaller caller) => ExceptionQueues.VisibleTo(caller.Actor().DecidingRoles);

    private const string CursorList = "exceptionCases";

}
