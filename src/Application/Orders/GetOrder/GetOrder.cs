using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Orders.GetOrder;

/// <summary>One order from the read model by id.</summary>
public sealed record GetOrder(Guid OrderId);

/// <summary>An id the read model lacks is no order (null), as a lookup by key answers; the caller decides who may see it.</summary>
internal sealed class GetOrderHandler(IOrderReadModels orders) : IQueryHandler<GetOrder, OrderView?>
{
    public async Task<Result<OrderView?>> HandleAsync(GetOrder query, CancellationToken cancellationToken) =>
        Result<OrderView?>.Success(await orders.GetAsync(query.OrderId, cancellationToken));
}
