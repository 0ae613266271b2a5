using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns.GetReturns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns.GetReturn;

/// <summary>
/// One return with its lines and timeline; a return outside the caller's channels does not exist for them.
/// <paramref name="SeenVersion"/> is a version the caller has already seen (its own command's, or a newer one a conflict told it
/// of): a read model still behind it is not answered, the write table is, so a person never sees their own step undone.
/// </summary>
public sealed record GetReturn(Guid ReturnId, Actor Actor, int? SeenVersion = null);

/// <summary>
/// From the read model (decision 021); only a return the projection has not reached yet (not at all, or not to the version the
/// caller has seen) is read from the write table, so the answer to "the return I just requested" never says it does not exist
/// and the page after a step shows the step (decision 041).
/// </summary>
internal sealed class GetReturnHandler(IReturnReadModels readModels, IReturnRepository returns) : IQueryHandler<GetReturn, ReturnView>
{
    public async Task<Result<ReturnView>> HandleAsync(GetReturn query, CancellationToken cancellationToken) =>
        (await GetReturnsHandler.FindAsync(readModels, returns, [query.ReturnId], query.Actor, cancellationToken, query.SeenVersion))
            .TryGetValue(query.ReturnId, out var view)
            ? view
            : ReturnErrors.NotFound(query.ReturnId);
}
