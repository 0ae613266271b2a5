using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders.GetOrderBlockers;

/// <summary>
/// Why can't this order move? The next step, the open holds and the failing entry criteria, master data included. The one
/// answer every edge gives (GraphQL's orderBlockers among them). <see cref="VisibleChannels"/> is the caller's channel
/// restriction (normalised codes, null: all): an order outside it is not found, as the order commands answer a partner.
/// </summary>
public sealed record GetOrderBlockers(Guid OrderId, IReadOnlyCollection<string>? VisibleChannels = null);

public sealed record OrderBlockers(Guid OrderId, OrderStatus Status, OrderStatus? NextStatus, string? NextStepOwner, IReadOnlyList<Blocker> Blockers)
{
    public bool CanMove => Blockers.Count == 0;
}

internal sealed class GetOrderBlockersHandler(IOrderRepository orders, OrderChecks checks) : IQueryHandler<GetOrderBlockers, OrderBlockers>
{
    public async Task<Result<OrderBlockers>> HandleAsync(GetOrderBlockers query, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(new OrderId(query.OrderId), cancellationToken);
        if (order is null || (query.VisibleChannels is { } visible && !visible.Contains(order.Channel.Value, StringComparer.Ordinal)))
            return OrderErrors.NotFound(new OrderId(query.OrderId)).WithField("orderId");

        var blockers = order.GetBlockers().ToList();
        if (order is { Status: OrderStatus.Captured, IsOnHold: false })
        {
            blockers.AddRange((await checks.FindDataProblemsAsync(order, cancellationToken))
                .Select(p => new Blocker(BlockerCode.EntryCriteriaNotMet, $"Validation would place a {p.Type} hold: {p.Reason}", p.Type)));
        }
        var next = OrderWorkflow.NextAfter(order.Status);
        return new OrderBlockers(order.Id.Value, order.Status, next, next is { } n ? OrderWorkflow.OwnerOf(n) : null, blockers);
    }
}
