using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.ListReturns;

/// <summary>One page of returns from the read model, filtered, sorted and keyset-paged in the store.</summary>
public sealed record ListReturns(ReturnListRequest Request);

/// <summary>A filter the store cannot answer (an empty or out-of-range requested range, a negative age) is the caller's mistake, with a code.</summary>
internal sealed class ListReturnsHandler(IReturnReadModels returns, TimeProvider clock) : IQueryHandler<ListReturns, ReturnPage>
{
    public async Task<Result<ReturnPage>> HandleAsync(ListReturns query, CancellationToken cancellationToken)
    {
        var filter = query.Request.Filter.Check(clock.GetUtcNow());
        if (filter.IsFailure)
            return Result<ReturnPage>.Failure(filter.Errors);
        return await returns.ListAsync(query.Request with { Filter = filter.Value }, cancellationToken);
    }
}
