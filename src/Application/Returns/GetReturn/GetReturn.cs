using EcomErp.Application.Abstractions;
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
    public async Task<Result<ReturnView>> HandleAsync(GetReturn query, CancellationToken cancellationToken)
    {
        var view = await readModels.GetAsync(query.ReturnId, cancellationToken);
        if (view is null && await returns.GetAsync(query.ReturnId, cancellationToken) is { } unprojected)
            view = ReturnView.From(unprojected);
        return view is null || !query.Actor.MayAccessChannel(view.Channel)
            ? ReturnErrors.NotFound(query.ReturnId)
            : view;
    }
}
