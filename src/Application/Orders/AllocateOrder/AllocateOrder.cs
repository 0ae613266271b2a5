using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.AllocateOrder;

/// <summary>
/// Allocates what a validated, backordered or partially allocated order still needs with the allocation engine:
/// the channel's policy over the balances of its locations, reserved in the order's transaction.
/// </summary>
public sealed record AllocateOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class AllocateOrderHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry, OrderAllocation allocation)
    : OrderCommandHandler<AllocateOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, AllocateOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        allocation.AllocateAsync(order, command.Actor, now, cancellationToken);
}
