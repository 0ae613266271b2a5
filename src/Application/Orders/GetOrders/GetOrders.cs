using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Orders.GetOrders;

/// <summary>Many orders from the read model in one read: the GraphQL batch loader's query.</summary>
public sealed record GetOrders(IReadOnlyCollection<Guid> OrderIds);

/// <summary>Ids the read model lacks are absent from the answer.</summary>
internal sealed class GetOrdersHandler(IOrderReadModels orders) : IQueryHandler<GetOrders, IReadOnlyDictionary<Guid, OrderView>>
{
    public async Task<Result<IReadOnlyDictionary<Guid, OrderView>>> HandleAsync(GetOrders query, CancellationToken cancellationToken) =>
        Result<IReadOnlyDictionary<Guid, OrderView>>.Success(await orders.GetManyAsync(query.OrderIds, cancellationToken));
}
