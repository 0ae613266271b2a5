using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.ListReturnsOfOrders;

/// <summary>
/// The returns of many orders at once, each order's oldest requested first, from the read model: what <c>Order { returns }</c>
/// needs for a page of orders in one read. <see cref="VisibleChannels"/> (null for all) leaves out other channels' returns.
/// Every order asked for has an entry, empty when it has no returns.
/// </summary>
public sealed record ListReturnsOfOrders(IReadOnlyCollection<Guid> OrderIds, IReadOnlyCollection<string>? VisibleChannels);

internal sealed class ListReturnsOfOrdersHandler(IReturnReadModels returns)
    : IQueryHandler<ListReturnsOfOrders, IReadOnlyDictionary<Guid, IReadOnlyList<ReturnView>>>
{
    public async Task<Result<IReadOnlyDictionary<Guid, IReadOnlyList<ReturnView>>>> HandleAsync(ListReturnsOfOrders query, CancellationToken cancellationToken)
    {
        var found = await returns.OfOrdersAsync(query.OrderIds, query.VisibleChannels, cancellationToken);
        return Result<IReadOnlyDictionary<Guid, IReadOnlyList<ReturnView>>>.Success(query.OrderIds.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? []));
    }
}
