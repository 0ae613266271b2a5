using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ConfirmShipment;

/// <summary>
/// The carrier took one shipment of a packed order (<see cref="ShipmentId"/> may be left out when only one is open);
/// its reserved stock leaves the ledger in the same transaction. Invoicing follows the last shipment automatically.
/// The carrier must be an active carrier of the master data once the master keeps any; until then it is free text, as it
/// was before carriers were master data (decision 035).
/// </summary>
public sealed record ConfirmShipment(Guid OrderId, Actor Actor, string Carrier, string TrackingNumber, int? ExpectedVersion = null, Guid? ShipmentId = null)
    : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ConfirmShipmentHandler(
    IOrderRepository orders, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry,
    OrderAllocation allocation)
    : OrderCommandHandler<ConfirmShipment>(orders, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Order order, ConfirmShipment command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var carriers = await catalog.ListCarriersAsync(cancellationToken);
        var named = command.Carrier.Trim().ToUpperInvariant();
        if (carriers.Count > 0 && !carriers.Any(c => c.IsActive && c.Code.Value == named))
            return CarrierErrors.Unknown(command.Carrier);
        var shipped = order.Ship(command.ShipmentId, command.Carrier, command.TrackingNumber, command.Actor, now);
        if (shipped.IsFailure)
            return shipped;
        return await allocation.MoveReservationsAsync(order, shipped.Value,
            (balance, units) => balance.ConsumeReservation(Quantity.Of(units.Quantity), order.Id.Value, command.Actor, now, order.Channel),
            cancellationToken);
    }
}
