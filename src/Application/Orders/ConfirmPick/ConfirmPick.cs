using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ConfirmPick;

/// <summary>The warehouse confirms every line picked in full.</summary>
public sealed record ConfirmPick(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ConfirmPickHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<ConfirmPick>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, ConfirmPick command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.ConfirmPick(command.Actor, now));
}
