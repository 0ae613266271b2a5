using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record InspectionRequirementChanged(string Sku, bool RequiresInspection, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
