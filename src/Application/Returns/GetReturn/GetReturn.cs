using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns.GetReturns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns.GetReturn;

/// <summary>One return with its lines and timeline; a return outside the caller's channels does not exist for them.</summary>
public sealed record GetReturn(Guid ReturnId, Actor Actor);

/// <summary>
/// From the read model (decision 021); only a return the projection has not reached yet is read from the write table, so
/// the answer to "the return I just requested" never says it does not exist (decision 041).
/// </summary>
internal sealed class GetReturnHandler(IReturnReadModels readModels, IReturnRepository returns) : IQueryHandler<GetReturn, ReturnView>
{
    public async Task<Result<ReturnView>> HandleAsync(GetReturn query, CancellationToken cancellationToken) =>
        (await GetReturnsHandler.FindAsync(readModels, returns, [query.ReturnId], query.Actor, cancellationToken)).TryGetValue(query.ReturnId, out var view)
            ? view
            : ReturnErrors.NotFound(query.ReturnId);
}
