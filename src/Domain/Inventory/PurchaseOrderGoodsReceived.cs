using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record PurchaseOrderGoodsReceived(
    Guid PurchaseOrderId, string Location, PurchaseOrderStatus Status, IReadOnlyList<PurchaseOrderLineSnapshot> Lines, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;
