using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ConfirmPack;

/// <summary>The warehouse confirms the picked order packed into a number of packages.</summary>
public sealed record ConfirmPack(Guid OrderId, Actor Actor, int PackageCount, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ConfirmPackHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<ConfirmPack>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, ConfirmPack command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Pack(command.PackageCount, command.Actor, now));
}
