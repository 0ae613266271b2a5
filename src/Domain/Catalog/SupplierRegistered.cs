using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

public sealed record SupplierRegistered(string Supplier, string Name, int LeadTimeDays, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
