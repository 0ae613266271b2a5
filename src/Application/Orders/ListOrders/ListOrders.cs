using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Orders.ListOrders;

/// <summary>One page of orders from the read model, filtered, sorted and paged in the store.</summary>
public sealed record ListOrders(OrderListRequest Request);

/// <summary>A filter outside the business dates or with an empty captured range is the caller's mistake, with a code; else the page.</summary>
internal sealed class ListOrdersHandler(IOrderReadModels orders, TimeProvider clock) : IQueryHandler<ListOrders, OrderPage>
{
    public async Task<Result<OrderPage>> HandleAsync(ListOrders query, CancellationToken cancellationToken)
    {
        var filter = query.Request.Filter.Check(clock.GetUtcNow());
        if (filter.IsFailure)
            return Result<OrderPage>.Failure(filter.Errors);
        return await orders.ListAsync(query.Request, cancellationToken);
    }
}
