using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.CancelOrder;

/// <summary>Cancels an order before it ships, with a reason; every unit its open shipments held reserved goes back to Available.</summary>
public sealed record CancelOrder(Guid OrderId, Actor Actor, string Reason, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class CancelOrderHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry, OrderAllocation allocation)
    : OrderCommandHandler<CancelOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, CancelOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        allocation.CancelAsync(order, command.Reason, command.Actor, now, cancellationToken);
}
