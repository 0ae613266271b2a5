using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ReleaseHold;

/// <summary>
/// Releases an open hold; holds that need four eyes refuse the person who placed them, whoever captured the order, and (through
/// <see cref="FourEyes"/>) a key the placer issued or the person who issued the placing key.
/// </summary>
public sealed record ReleaseHold(Guid OrderId, Actor Actor, Guid HoldId, string Resolution, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ReleaseHoldHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry, FourEyes fourEyes)
    : OrderCommandHandler<ReleaseHold>(orders, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(Order order, ReleaseHold command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // After the order's own refusals (unknown, released, not the owner, its placer), before it is touched: the order compares ids only.
        if (order.HoldToRelease(command.HoldId, command.Actor) is { IsSuccess: true, Value: { RequiresFourEyes: true } hold }
            && await fourEyes.AreOnePartyAsync(command.Actor, hold.PlacedBy, cancellationToken))
            return OrderErrors.SelfApproval();
        return order.ReleaseHold(command.HoldId, command.Resolution, command.Actor, now);
    }
}
