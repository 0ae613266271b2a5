using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ReportShortPick;

/// <summary>
/// A picker found <see cref="MissingQuantity"/> units of a line fewer than its shipment reserved (name the shipment
/// when the line is split). The missing units are written off the ledger and allocated again with the channel's
/// policy; what cannot be allocated is backordered, or, when the channel allows no backorder, held as a shortfall.
/// </summary>
public sealed record ReportShortPick(
    Guid OrderId, Actor Actor, int LineNumber, int MissingQuantity, Guid? ShipmentId = null, int? ExpectedVersion = null)
    : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ReportShortPickHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, IValidator<ReportShortPick> shortPickValidator,
    TimeProvider clock, ConcurrencyRetry retry, OrderAllocation allocation)
    : OrderCommandHandler<ReportShortPick>(orders, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> CheckAsync(ReportShortPick command, CancellationToken cancellationToken) =>
        await shortPickValidator.CheckAsync(command, cancellationToken);

    protected override async Task<Result> ApplyAsync(Order order, ReportShortPick command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recorded = order.RecordShortPick(command.LineNumber, command.MissingQuantity, command.ShipmentId, command.Actor, now);
        if (recorded.IsFailure)
            return recorded;
        var shortPick = recorded.Value;
        var writtenOff = await allocation.MoveReservationsAsync(order,
            [new ReservedUnits(shortPick.Sku, shortPick.Location, shortPick.Missing)],
            (balance, units) => balance.WriteOffShortPick(Quantity.Of(units.Quantity), order.Id.Value, command.Actor, now, order.Channel),
            cancellationToken);
        if (writtenOff.IsFailure)
            return writtenOff;
        // Allocating again is the system's step, whoever reported the pick.
        return await allocation.AllocateAsync(order, Actor.System, now, cancellationToken);
    }
}

internal sealed class ReportShortPickValidator : AbstractValidator<ReportShortPick>
{
    public ReportShortPickValidator()
    {
        RuleFor(c => c.LineNumber).GreaterThan(0).WithErrorCode(OrderErrors.LineNotFoundCode).WithMessage("A line number is 1 or more.");
        RuleFor(c => c.MissingQuantity).InclusiveBetween(1, Quantity.Max).WithErrorCode(OrderErrors.ShortPickInvalidCode)
            .WithMessage($"A short pick is 1 to {Quantity.Max} missing units.");
        RuleFor(c => c.ShipmentId).NotEqual(Guid.Empty).WithErrorCode(OrderErrors.ShipmentNotFoundCode).WithMessage("A shipment id cannot be empty.");
    }
}
