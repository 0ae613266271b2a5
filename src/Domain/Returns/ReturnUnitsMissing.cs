namespace EcomErp.Domain.Returns;

/// <summary>Units that never arrived were closed as missing: they are neither inspected nor refunded.</summary>
public sealed record ReturnUnitsMissing(
    Guid ReturnId, string RmaNumber, Guid OrderId, string Channel, ReturnStatus Status, IReadOnlyList<ReturnLineQuantity> Lines, string ActorId, DateTimeOffset OccurredAt)
    : ReturnEvent(ReturnId, RmaNumber, OrderId, Channel, Status, ActorId, OccurredAt);
