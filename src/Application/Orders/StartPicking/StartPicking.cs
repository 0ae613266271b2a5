using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.StartPicking;

/// <summary>The warehouse starts picking a released order.</summary>
public sealed record StartPicking(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class StartPickingHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<StartPicking>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, StartPicking command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.StartPicking(command.Actor, now));
}
