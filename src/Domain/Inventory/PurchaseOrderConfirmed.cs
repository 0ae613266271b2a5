using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// A supplier confirmed the order. <see cref="Lines"/> carry the ETAs as confirmed; events written before confirmation could
/// change an ETA have none (null), and their lines are those of <see cref="PurchaseOrderCreated"/>.
/// </summary>
public sealed record PurchaseOrderConfirmed(Guid PurchaseOrderId, string Location, string ActorId, DateTimeOffset OccurredAt,
    IReadOnlyList<PurchaseOrderLineSnapshot>? Lines = null) : IDomainEvent;
