using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.ListOrderReturns;

/// <summary>
/// The returns of one order, oldest first, as the order's page lists them. An order has a handful of returns, so they are read
/// whole through the repository rather than paged; the returns queue pages over its own read model. Returns outside the
/// caller's channels are left out, as <see cref="GetReturn.GetReturn"/> hides them.
/// </summary>
public sealed record ListOrderReturns(Guid OrderId, Actor Actor);

internal sealed class ListOrderReturnsHandler(IReturnRepository returns) : IQueryHandler<ListOrderReturns, IReadOnlyList<ReturnView>>
{
    public async Task<Result<IReadOnlyList<ReturnView>>> HandleAsync(ListOrderReturns query, CancellationToken cancellationToken)
    {
        var ofOrder = await returns.OfOrderAsync(query.OrderId, cancellationToken);
        return Result<IReadOnlyList<ReturnView>>.Success(
            [.. ofOrder.Where(r => query.Actor.MayAccessChannel(r.Channel.Value)).OrderBy(r => r.RequestedAt).ThenBy(r => r.RmaNumber, StringComparer.Ordinal).Select(ReturnView.From)]);
    }
}
