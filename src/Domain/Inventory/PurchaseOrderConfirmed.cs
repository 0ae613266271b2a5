using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record PurchaseOrderConfirmed(Guid PurchaseOrderId, string Location, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
