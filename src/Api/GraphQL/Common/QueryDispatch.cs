using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using GraphQL;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>Every GraphQL read asks an Application query handler (decision 021): resolvers never reach a store themselves.</summary>
public static class QueryDispatch
{
    /// <summary>The answer of the request's handler for <typeparamref name="TQuery"/>, failures included, for the resolver to map.</summary>
    public static async Task<Result<TResult>> QueryAsync<TQuery, TResult>(this IResolveFieldContext context, TQuery query) =>
        await context.RequestServices!.GetRequiredService<IQueryHandler<TQuery, TResult>>().HandleAsync(query, context.CancellationToken);
}
