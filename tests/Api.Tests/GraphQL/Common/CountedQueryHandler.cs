using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Api.Tests.GraphQL.Common;

/// <summary>How many times the host's handler of <typeparamref name="TQuery"/> was asked, across every request and socket.</summary>
public sealed class QueryCalls<TQuery>
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Add() => Interlocked.Increment(ref _count);
}

/// <summary>
/// Wraps the host's query handler to count its calls (register <see cref="QueryCalls{TQuery}"/> as a singleton and decorate
/// the handler): what a test of "no read per event" compares against.
/// </summary>
public sealed class CountedQueryHandler<TQuery, TResult>(IQueryHandler<TQuery, TResult> inner, QueryCalls<TQuery> calls) : IQueryHandler<TQuery, TResult>
{
    public Task<Result<TResult>> HandleAsync(TQuery query, CancellationToken cancellationToken)
    {
        calls.Add();
        return inner.HandleAsync(query, cancellationToken);
    }
}
