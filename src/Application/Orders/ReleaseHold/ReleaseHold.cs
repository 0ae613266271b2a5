using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ReleaseHold;

/// <summary>Releases an open hold; holds that need four eyes refuse the person who placed them.</summary>
public sealed record ReleaseHold(Guid OrderId, Actor Actor, Guid HoldId, string Resolution, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ReleaseHoldHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<ReleaseHold>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, ReleaseHold command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.ReleaseHold(command.HoldId, command.Resolution, command.Actor, now));
}
