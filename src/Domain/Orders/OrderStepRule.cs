using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// What a step needs before the order looks at its details: the states it may start from, the states it may leave
/// the order in (none: it works inside its state), whether an open hold blocks it, the roles that own it (the
/// system and admins act for any owner), and the type of hold the step itself ends, which therefore does not block it.
/// </summary>
public sealed record OrderStepRule(
    IReadOnlySet<OrderStatus> From, IReadOnlyList<OrderStatus> Reaches, IReadOnlyList<string> Owners, bool BlockedByHolds = true, HoldType? Cures = null)
{
    public bool IsOwnedBy(Actor actor) => Owners.Any(actor.MayActAs);

    /// <summary>
    /// Whether a screen offers the step to <paramref name="actor"/> on an order in <paramref name="status"/> with open holds of
    /// <paramref name="openHolds"/>: the guard of <see cref="Order.CheckCan"/> as far as a read model knows it. The entry
    /// criteria need the aggregate, so the command still decides.
    /// </summary>
    public bool IsOfferedTo(Actor actor, OrderStatus status, IEnumerable<HoldType> openHolds) =>
        From.Contains(status) && IsOwnedBy(actor) && !(BlockedByHolds && openHolds.Any(type => type != Cures));
}
