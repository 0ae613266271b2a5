using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A supplier's name, lead time or contact changed; the audit log keeps which values, before and after.</summary>
public sealed record SupplierDetailsChanged(string Supplier, string Name, int LeadTimeDays, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
