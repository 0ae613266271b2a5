using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Orders.GetOrderByExternalId;

/// <summary>One order from the read model by the channel's own order id, both as the client wrote them.</summary>
public sealed record GetOrderByExternalId(string Channel, string ExternalOrderId);

/// <summary>An unknown pair is no order (null); the read model normalises the codes as the domain keeps them.</summary>
internal sealed class GetOrderByExternalIdHandler(IOrderReadModels orders) : IQueryHandler<GetOrderByExternalId, OrderView?>
{
    public async Task<Result<OrderView?>> HandleAsync(GetOrderByExternalId query, CancellationToken cancellationToken) =>
        Result<OrderView?>.Success(await orders.FindByExternalIdAsync(query.Channel, query.ExternalOrderId, cancellationToken));
}
