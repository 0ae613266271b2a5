using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.PlaceHold;

/// <summary>Puts an order on hold: no forward step until the hold is released.</summary>
public sealed record PlaceHold(Guid OrderId, Actor Actor, HoldType Type, string Reason, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class PlaceHoldHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<PlaceHold>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, PlaceHold command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult((Result)order.PlaceHold(command.Type, command.Reason, command.Actor, now));
}
