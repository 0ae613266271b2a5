using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ReleaseOrder;

/// <summary>
/// Releases an allocated order to the warehouse, within its locations' daily carrier capacity: when a shipment has no pickup left
/// today the order is held for carrier capacity instead (decision 027). Sent again while it waits, it releases once capacity
/// has freed (a new day), and is refused with ORDER_CARRIER_CAPACITY_EXHAUSTED while it has not.
/// </summary>
public sealed record ReleaseOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ReleaseOrderHandler(IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry,
    CarrierBookings carrierBookings)
    : OrderCommandHandler<ReleaseOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, ReleaseOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        carrierBookings.ReleaseAsync(order, command.Actor, now, cancellationToken);
}
