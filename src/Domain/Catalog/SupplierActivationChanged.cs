using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

public sealed record SupplierActivationChanged(string Supplier, bool IsActive, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
