using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.CompleteOrder;

/// <summary>Closes an invoiced order.</summary>
public sealed record CompleteOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class CompleteOrderHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<CompleteOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, CompleteOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Complete(command.Actor, now));
}
