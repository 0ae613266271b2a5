using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record PurchaseOrderCancelled(Guid PurchaseOrderId, string Location, string Reason, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
