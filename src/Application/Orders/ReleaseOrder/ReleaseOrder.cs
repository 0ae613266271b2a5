using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ReleaseOrder;

/// <summary>Releases an allocated order to the warehouse.</summary>
public sealed record ReleaseOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ReleaseOrderHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<ReleaseOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, ReleaseOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Release(command.Actor, now));
}
