using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.AmendOrderPriority;

/// <summary>Changes an order's fulfilment priority before release (customer service, operations): an amendment like the ship-to.</summary>
public sealed record AmendOrderPriority(Guid OrderId, Actor Actor, OrderPriority Priority, int? ExpectedVersion = null)
    : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class AmendOrderPriorityHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<AmendOrderPriority>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, AmendOrderPriority command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.AmendPriority(command.Priority, command.Actor, now));
}
