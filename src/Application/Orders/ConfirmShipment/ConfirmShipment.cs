using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ConfirmShipment;

/// <summary>The carrier took the packed order; invoicing follows automatically.</summary>
public sealed record ConfirmShipment(Guid OrderId, Actor Actor, string Carrier, string TrackingNumber, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ConfirmShipmentHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock)
    : OrderCommandHandler<ConfirmShipment>(orders, unitOfWork, validator, clock)
{
    protected override Task<Result> ApplyAsync(Order order, ConfirmShipment command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Ship(command.Carrier, command.TrackingNumber, command.Actor, now));
}
