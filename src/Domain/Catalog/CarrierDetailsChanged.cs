using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>A carrier's name, service levels, tracking URL or active flag changed; the audit log keeps which values, before and after.</summary>
public sealed record CarrierDetailsChanged(string Carrier, string Name, IReadOnlyList<ServiceLevel> ServiceLevels, bool IsActive, string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;
