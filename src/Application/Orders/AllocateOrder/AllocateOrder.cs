using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.AllocateOrder;

/// <summary>Allocates every line of a validated order (the allocation engine and the ledger replace the bookkeeping in a later step).</summary>
public sealed record AllocateOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class AllocateOrderHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock)
    : OrderCommandHandler<AllocateOrder>(orders, unitOfWork, validator, clock)
{
    protected override Task<Result> ApplyAsync(Order order, AllocateOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Allocate(command.Actor, now));
}
