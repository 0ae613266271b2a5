using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

public sealed record SkuActivationChanged(string Sku, bool IsActive, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
