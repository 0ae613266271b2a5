namespace EcomErp.Domain.Orders;

/// <summary>
/// What a step needs before the order looks at its details: the states it may start from, the states it may leave
/// the order in (none: it works inside its state), whether an open hold blocks it, the roles that own it (the
/// system and admins act for any owner), and the type of hold the step itself ends, which therefore does not block it.
/// </summary>
public sealed record OrderStepRule(
    IReadOnlySet<OrderStatus> From, IReadOnlyList<OrderStatus> Reaches, IReadOnlyList<string> Owners, bool BlockedByHolds = true, HoldType? Cures = null);
