using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record PurchaseOrderCreated(
    Guid PurchaseOrderId, string Supplier, string Location, IReadOnlyList<PurchaseOrderLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;
