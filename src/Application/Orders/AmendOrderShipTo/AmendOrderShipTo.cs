using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.AmendOrderShipTo;

/// <summary>
/// Changes an order's ship-to before release (customer service, operations). The new address is validated at once: an
/// open address hold is released when it passes, so the order moves on by itself, and kept with the new findings when it does not.
/// </summary>
public sealed record AmendOrderShipTo(Guid OrderId, Actor Actor, CaptureOrderAddress ShipTo, int? ExpectedVersion = null)
    : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class AmendOrderShipToHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : OrderCommandHandler<AmendOrderShipTo>(orders, unitOfWork, validator, clock, retry)
{
    // The address is checked before the order is loaded: bad input is refused the same for every order.
    protected override Task<Result> CheckAsync(AmendOrderShipTo command, CancellationToken cancellationToken) =>
        Task.FromResult(ToAddress(command.ShipTo) is { IsFailure: true } refused ? Result.Failure(refused.Errors) : Result.Success());

    protected override Task<Result> ApplyAsync(Order order, AmendOrderShipTo command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.AmendShipTo(ToAddress(command.ShipTo).Value, command.Actor, now));

    private static Result<Address> ToAddress(CaptureOrderAddress? a) =>
        a is null ? OrderErrors.AddressPartMissing("shipTo") : a.ToAddress();
}
