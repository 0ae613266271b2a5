using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns.GetReturn;

/// <summary>One return with its lines and timeline; a return outside the caller's channels does not exist for them.</summary>
public sealed record GetReturn(Guid ReturnId, Actor Actor);

internal sealed class GetReturnHandler(IReturnRepository returns) : IQueryHandler<GetReturn, ReturnView>
{
    public async Task<Result<ReturnView>> HandleAsync(GetReturn query, CancellationToken cancellationToken)
    {
        var returned = await returns.GetAsync(query.ReturnId, cancellationToken);
        return returned is null || !query.Actor.MayAccessChannel(returned.Channel.Value)
            ? ReturnErrors.NotFound(query.ReturnId)
            : ReturnView.From(returned);
    }
}
